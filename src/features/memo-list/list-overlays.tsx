import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';

export interface NoRowsProps {
  variant: 'empty' | 'no-match' | 'past-end';
  noun: string;
  onClearFilters: () => void;
  onFirstPage: () => void;
}

/** The grid's "no rows" states, told apart: nothing yet, nothing matches, a page past the end. */
export function NoRowsOverlay({ variant, noun, onClearFilters, onFirstPage }: NoRowsProps) {
  return (
    <Box sx={{ height: '100%', display: 'grid', placeItems: 'center', textAlign: 'center', p: 2 }}>
      <div>
        {variant === 'empty' && (
          <>
            <Typography variant="h2" component="p" gutterBottom>
              No {noun} yet
            </Typography>
            <Typography color="text.secondary">Use the Create button above to create the first one.</Typography>
          </>
        )}
        {variant === 'no-match' && (
          <>
            <Typography variant="h2" component="p" gutterBottom>
              No {noun} match these filters
            </Typography>
            <Button variant="outlined" onClick={onClearFilters}>
              Clear filters
            </Button>
          </>
        )}
        {variant === 'past-end' && (
          <>
            <Typography variant="h2" component="p" gutterBottom>
              This page is past the last {noun}
            </Typography>
            <Button variant="outlined" onClick={onFirstPage}>
              Go to the first page
            </Button>
          </>
        )}
      </div>
    </Box>
  );
}
