import { afterEach, describe, expect, it, vi } from 'vitest';
import { createElementClass } from './custom-element.ts';
import type { EmbedHandle } from './embed-handle.ts';
import { cacheKeyOf, optionsFromAttributes, resolveOptions, splitAccessToken, type EmbedOptions } from './options.ts';

describe('embed options', () => {
  it('maps the element attributes to options, leaving absent ones out', () => {
    const el = document.createElement('div');
    el.setAttribute('api-base-url', 'https://billing.example.com/');
    el.setAttribute('initial-path', '/debit-memos');
    el.setAttribute('locale', 'de-DE');
    el.setAttribute('data-other', 'x');
    expect(optionsFromAttributes(el)).toEqual({
      apiBaseUrl: 'https://billing.example.com/',
      initialPath: '/debit-memos',
      locale: 'de-DE',
    });
  });

  it('normalises base URL, basename and paths, and refuses paths that leave the app', () => {
    const r = resolveOptions({
      apiBaseUrl: ' https://billing.example.com// ',
      basename: 'admin/memos/',
      initialPath: 'debit-memos?status=Posted',
    });
    expect(r).toMatchObject({
      apiBaseUrl: 'https://billing.example.com',
      basename: '/admin/memos',
      initialPath: '/debit-memos?status=Posted',
      permissions: null,
    });
    expect(resolveOptions({}).initialPath).toBe('/credit-memos');
    expect(resolveOptions({}).basename).toBe('');
    for (const bad of ['//evil.example/x', 'https://evil.example', 'javascript:alert(1)', '  '])
      expect(resolveOptions({ initialPath: bad }).initialPath).toBe('/credit-memos');
  });

  it('parses permissions from a string or a list and drops unknown names (a typo must not grant)', () => {
    expect(resolveOptions({ permissions: 'memo.view  debitmemo.writeoff,memo.post' }).permissions).toEqual([
      'memo.view',
      'debitmemo.writeoff',
      'memo.post',
    ]);
    expect(resolveOptions({ permissions: ['memo.view', 'memo.everything'] }).permissions).toEqual(['memo.view']);
    expect(resolveOptions({ permissions: '' }).permissions).toEqual([]);
    expect(resolveOptions({ locale: ' ' }).locale).toBeUndefined();
  });

  it('reads a bare token or a token response', () => {
    expect(splitAccessToken('abc')).toEqual({ token: 'abc', scope: null });
    expect(splitAccessToken({ access_token: 'abc', scope: 'memo.view' })).toEqual({ token: 'abc', scope: 'memo.view' });
    expect(splitAccessToken(null)).toEqual({ token: null, scope: null });
    expect(splitAccessToken({ access_token: '' })).toEqual({ token: null, scope: null });
  });

  it('gives every mount a distinct Emotion key of lowercase letters', () => {
    const keys = Array.from({ length: 800 }, (_, i) => cacheKeyOf(i + 1));
    expect(keys.slice(0, 2)).toEqual(['cdm-a', 'cdm-b']);
    expect(cacheKeyOf(26)).toBe('cdm-z');
    expect(cacheKeyOf(27)).toBe('cdm-aa');
    expect(new Set(keys).size).toBe(keys.length);
    for (const k of keys) expect(k).toMatch(/^cdm-[a-z]+$/);
  });
});

describe('<credit-debit-memos> element', () => {
  let n = 0;
  afterEach(() => document.body.replaceChildren());

  function define() {
    const calls: { mounted: EmbedOptions[]; updates: EmbedOptions[]; unmounts: number } = {
      mounted: [],
      updates: [],
      unmounts: 0,
    };
    const handle: EmbedHandle = {
      update: (o) => void calls.updates.push(o),
      unmount: () => void (calls.unmounts += 1),
      refresh: vi.fn(async () => {}),
      navigate: vi.fn(),
    };
    const tag = `cdm-test-${++n}`;
    customElements.define(
      tag,
      createElementClass(async (_el, options) => (calls.mounted.push(options), handle)),
    );
    return { tag, calls, handle };
  }

  it('mounts on connect with its attributes, updates on attribute change, unmounts on disconnect', async () => {
    const { tag, calls, handle } = define();
    const el = document.createElement(tag) as HTMLElement & { refresh(): Promise<void> };
    el.setAttribute('initial-path', '/debit-memos');
    el.setAttribute('api-base-url', '/zuora');
    document.body.append(el);
    expect(calls.mounted).toHaveLength(1);
    expect(calls.mounted[0]).toMatchObject({ initialPath: '/debit-memos', apiBaseUrl: '/zuora' });

    el.setAttribute('locale', 'fr-FR');
    await vi.waitFor(() =>
      expect(calls.updates.at(-1)).toMatchObject({ locale: 'fr-FR', initialPath: '/debit-memos' }),
    );
    await el.refresh();
    expect(handle.refresh).toHaveBeenCalledOnce();

    el.remove();
    await vi.waitFor(() => expect(calls.unmounts).toBe(1));
  });

  it('takes getAccessToken set before the element was defined, and asks it at call time', async () => {
    const tagless = define();
    const el = document.createElement(`${tagless.tag}-late`) as HTMLElement & { getAccessToken?: () => string };
    el.getAccessToken = () => 'first';
    document.body.append(el);
    const { calls } = tagless;
    customElements.define(
      `${tagless.tag}-late`,
      createElementClass(
        async (_e, o) => (calls.mounted.push(o), { update() {}, unmount() {}, async refresh() {}, navigate() {} }),
      ),
    );
    expect(calls.mounted).toHaveLength(1);
    expect(await calls.mounted[0].getAccessToken?.()).toBe('first');
    el.getAccessToken = () => 'second';
    expect(await calls.mounted[0].getAccessToken?.()).toBe('second');
  });
});
