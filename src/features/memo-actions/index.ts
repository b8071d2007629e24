// The memo actions' public surface: which actions a memo offers, the menu that lists them, and the dialogs that run
// them. Other features import only from here.
export { isMemoActionId, type MemoActionId } from './action-ids.ts';
export { ActionsMenu } from './actions-menu.tsx';
export { actionOf, availableActions, type AvailableAction } from './available-actions.ts';
export { MEMO_DIALOGS } from './dialog-registry.ts';
export { itemEditRefusal } from './edit-item-schema.ts';
