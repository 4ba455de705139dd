import { Card, Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { useAccess } from '../../../app/auth.tsx';
import { EngagementsPanel } from '../components/EngagementsPanel.tsx';
import { LawsuitsPanel } from '../components/LawsuitsPanel.tsx';
import { MattersPanel } from '../components/MattersPanel.tsx';

const tabs = ['matters', 'lawsuits', 'engagements'] as const;

/** 法律顾问: the counsel's matters (with the overdue flag), lawsuits with hearings and 负责人出庭 rates, and the engagement. */
export function CounselPage() {
  const access = useAccess();
  const canWrite = access.canWriteCounsel;
  const [params, setParams] = useSearchParams();
  const tab = tabs.find((t) => t === params.get('tab')) ?? 'matters';
  return (
    <Card>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams({ tab: key })}
        items={[
          { key: 'matters', label: '法律事务', children: <MattersPanel canWrite={canWrite} /> },
          { key: 'lawsuits', label: '行政诉讼与复议', children: <LawsuitsPanel canWrite={canWrite} /> },
          { key: 'engagements', label: '顾问聘用', children: <EngagementsPanel canWrite={canWrite} /> },
        ]}
      />
    </Card>
  );
}
