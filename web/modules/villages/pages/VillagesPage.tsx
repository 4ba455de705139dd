import { Card, Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { useAccess } from '../../../app/auth.tsx';
import { DisclosuresPanel } from '../components/DisclosuresPanel.tsx';
import { HearingsPanel } from '../components/HearingsPanel.tsx';
import { HonoursPanel } from '../components/HonoursPanel.tsx';
import { RulesPanel } from '../components/RulesPanel.tsx';
import { VillageOverview } from '../components/VillageOverview.tsx';

const tabs = ['overview', 'honours', 'rules', 'hearings', 'disclosures'] as const;

/** 民主法治村: the villages' profiles, 示范村 honours and their 复核, village rules, 民主听证 and 村务公开. */
export function VillagesPage() {
  const access = useAccess();
  const canWrite = access.canWriteVillages;
  // The tab lives in the URL, so a link or a reload shows the same tab.
  const [params, setParams] = useSearchParams();
  const tab = tabs.find((t) => t === params.get('tab')) ?? 'overview';
  return (
    <Card>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams({ tab: key })}
        items={[
          { key: 'overview', label: '村情概况', children: <VillageOverview canWrite={canWrite} /> },
          { key: 'honours', label: '示范村创建与复核', children: <HonoursPanel canWrite={canWrite} /> },
          { key: 'rules', label: '村规民约', children: <RulesPanel canWrite={canWrite} /> },
          { key: 'hearings', label: '民主听证', children: <HearingsPanel canWrite={canWrite} /> },
          { key: 'disclosures', label: '村务公开', children: <DisclosuresPanel canWrite={canWrite} /> },
        ]}
      />
    </Card>
  );
}
