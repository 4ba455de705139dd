import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { TablePaginationConfig } from 'antd';
import { useState } from 'react';
import type { Page } from '../../domain/platform/contracts.ts';

export type PageParams = { page: number; pageSize: number };

/**
 * A server-paged list: filters + page in the query key, the previous page kept on screen while the next loads,
 * and the props an antd Table needs. Changing filters goes back to page 1.
 */
export function usePagedQuery<T, F extends object>(key: readonly unknown[], fetchPage: (query: F & PageParams) => Promise<Page<T>>, initialFilters: F) {
  const [filters, setFilters] = useState<F>(initialFilters);
  const [paging, setPaging] = useState<PageParams>({ page: 1, pageSize: 20 });
  const query = useQuery({
    queryKey: [...key, filters, paging],
    queryFn: () => fetchPage({ ...filters, ...paging }),
    placeholderData: keepPreviousData,
  });

  const pagination: TablePaginationConfig = {
    current: paging.page,
    pageSize: paging.pageSize,
    total: query.data?.total ?? 0,
    showSizeChanger: true,
    showTotal: (total) => `共 ${total} 条`,
    onChange: (page, pageSize) => setPaging({ page: pageSize === paging.pageSize ? page : 1, pageSize }),
  };

  return {
    query,
    filters,
    search: (next: F) => {
      setFilters(next);
      setPaging((p) => ({ ...p, page: 1 }));
    },
    table: { dataSource: query.data?.items ?? [], loading: query.isFetching, pagination },
  };
}
