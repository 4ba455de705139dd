import { Card, Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { useAccess } from '../../../app/auth.tsx';
import { EventsPanel } from '../components/EventsPanel.tsx';
import { KeyDatesPanel } from '../components/KeyDatesPanel.tsx';
import { PlanPanel } from '../components/PlanPanel.tsx';

const tabs = ['events', 'key-dates', 'plan'] as const;

/** 普法宣传: events (with the repealed-law warning), key dates and their campaigns, the yearly plan and responsibility list. */
export function PublicityPage() {
  const access = useAccess();
  const canWrite = access.canWritePublicity;
  const [params, setParams] = useSearchParams();
  const tab = tabs.find((t) => t === params.get('tab')) ?? 'events';
  return (
    <Card>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams({ tab: key })}
        items={[
          { key: 'events', label: '普法活动', children: <EventsPanel canWrite={canWrite} /> },
          { key: 'key-dates', label: '宣传节点', children: <KeyDatesPanel canWrite={canWrite} /> },
          { key: 'plan', label: '普法计划与责任清单', children: <PlanPanel canWrite={canWrite} /> },
        ]}
      />
    </Card>
  );
}
