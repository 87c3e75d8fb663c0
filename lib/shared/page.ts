/** One page of a list, and where the next one starts (null: this was the last). */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Options of a paged read: how many, from where, and which items count (filtered in code, pages kept full). */
export interface PageOptions<T> {
  limit: number;
  cursor?: string | undefined;
  filter?: (item: T) => boolean;
}

/** What a list request asks for (lib/api/common-schemas.ts validates it). */
export interface ListQuery {
  limit: number;
  cursor?: string | undefined;
}

export interface SearchQuery extends ListQuery {
  search?: string | undefined;
}
