import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { orgApi, orgKeys } from './api.ts';

/**
 * The group's meetings as choices for "which meeting decided this" (members, restructuring) and for naming
 * that meeting in the history. One page of 200 is far more than a township's leading group holds.
 */
export function useGroupMeetings(groupId: number) {
  const { data } = useQuery({
    queryKey: [...orgKeys.meetings(groupId), 'options'],
    queryFn: () => orgApi.meetings({ leadingGroupId: groupId, page: 1, pageSize: 200 }),
  });
  return useMemo(() => {
    const meetings = data?.items ?? [];
    const titles = new Map(meetings.map((m) => [m.id, `${m.heldOn} ${m.title}`]));
    return {
      options: meetings.map((m) => ({ value: m.id, label: titles.get(m.id) ?? m.title })),
      titleOf: (id: number | null) => (id === null ? '—' : (titles.get(id) ?? `会议 #${id}`)),
    };
  }, [data]);
}
