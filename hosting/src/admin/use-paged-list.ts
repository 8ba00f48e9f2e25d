import { useCallback, useEffect, useRef, useState } from 'react';

export interface Page<Item> {
  items: Item[];
  nextCursor: string | null;
}

interface PagedState<Item> {
  /** Undefined while the first page loads. */
  items: Item[] | undefined;
  nextCursor: string | null;
  loadingMore: boolean;
  /** What the first page failed with (items stay undefined). */
  error: unknown;
  /** What the last "Load more" failed with (the items so far stay). */
  moreError: unknown;
}

const initial = { items: undefined, nextCursor: null, loadingMore: false, error: undefined, moreError: undefined };

/**
 * A cursor-paged listing: the first page whenever `fetchPage` changes (a new search), then
 * "Load more" following `nextCursor`. An answer for an older search is dropped, so typing fast
 * never shows the wrong results.
 */
export function usePagedList<Item>(fetchPage: (cursor: string | undefined) => Promise<Page<Item>>) {
  const [state, setState] = useState<PagedState<Item>>(initial);
  const generation = useRef(0);

  const reload = useCallback(() => {
    const mine = ++generation.current;
    setState(initial);
    fetchPage(undefined).then(
      (page) => {
        if (generation.current === mine) setState({ ...initial, items: page.items, nextCursor: page.nextCursor });
      },
      (error: unknown) => {
        if (generation.current === mine) setState({ ...initial, error });
      },
    );
  }, [fetchPage]);

  useEffect(reload, [reload]);

  const loadMore = useCallback(() => {
    const cursor = state.nextCursor;
    if (!cursor || state.loadingMore) return;
    const mine = generation.current;
    setState((current) => ({ ...current, loadingMore: true, moreError: undefined }));
    fetchPage(cursor).then(
      (page) => {
        if (generation.current !== mine) return;
        setState((current) => ({ ...current, items: [...(current.items ?? []), ...page.items], nextCursor: page.nextCursor, loadingMore: false }));
      },
      (moreError: unknown) => {
        if (generation.current === mine) setState((current) => ({ ...current, loadingMore: false, moreError }));
      },
    );
  }, [fetchPage, state.nextCursor, state.loadingMore]);

  /** Puts `item` in place of the items `same` picks (after an action answered the new state). */
  const replace = useCallback((same: (item: Item) => boolean, item: Item) => {
    setState((current) => ({ ...current, items: current.items?.map((existing) => (same(existing) ? item : existing)) }));
  }, []);

  return { ...state, reload, loadMore, replace };
}
