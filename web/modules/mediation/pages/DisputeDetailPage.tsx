import { ArrowLeftOutlined, DownloadOutlined, EditOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Descriptions, Empty, Flex, Result, Space, Spin, Table, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { Dispute, Party, Session } from '../../../../domain/mediation/contracts.ts';
import {
  agreementKindLabels,
  committeeLevelLabels,
  disclosureLabels,
  disputeSourceLabels,
  followUpMethodLabels,
  genderLabels,
  judicialResultLabels,
  judicialWindowLabels,
  otherChannelLabels,
  partyKindLabels,
  partyRoleLabels,
  performanceLabels,
  referralFromLabels,
} from '../../../../domain/mediation/rules.ts';
import { ApiError } from '../../../app/http.ts';
import { Attachments } from '../../../ui/Attachments.tsx';
import { downloadFile } from '../../../ui/files.ts';
import { useApiError } from '../../../ui/useApiError.ts';
import { mediationApi, mediationFiles, mediationKeys } from '../api.ts';
import { type Action, DisputeActions } from '../components/DisputeActions.tsx';
import { DisputeFormDrawer } from '../components/DisputeFormDrawer.tsx';
import { StatusTags } from './DisputesPage.tsx';

const text = (t: string) => (t ? <span style={{ whiteSpace: 'pre-wrap' }}>{t}</span> : '—');
const money = (a: string | null) => (a === null ? '—' : `${Number(a).toLocaleString('zh-CN', { minimumFractionDigits: 2 })} 元`);

/** One dispute: what was registered, each step since, and the buttons for the next one. */
export function DisputeDetailPage() {
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const showError = useApiError();
  const [action, setAction] = useState<Action | null>(null);
  const [correcting, setCorrecting] = useState<Session | null>(null);
  const [editing, setEditing] = useState(false);
  const [printing, setPrinting] = useState(false);
  const query = useQuery({ queryKey: mediationKeys.dispute(id), queryFn: () => mediationApi.dispute(id) });
  const d = query.data;
  const committee = useQuery({
    queryKey: mediationKeys.committee(d?.committeeId ?? 0),
    queryFn: () => mediationApi.committee(d?.committeeId ?? 0),
    enabled: Boolean(d?.canWrite),
  });

  if (query.isPending) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (query.error || !d) {
    const notFound = query.error instanceof ApiError && query.error.status === 404;
    return (
      <Result
        status={notFound ? '404' : 'error'}
        title={notFound ? '纠纷不存在' : '加载失败'}
        subTitle={query.error?.message}
        extra={<Link to="/mediation/disputes">返回纠纷台账</Link>}
      />
    );
  }

  const done = async (next: Dispute | null) => {
    if (next) queryClient.setQueryData(mediationKeys.dispute(id), next);
    await queryClient.invalidateQueries({ queryKey: mediationKeys.all, predicate: (q) => q.queryKey[1] !== 'dispute' });
    if (!next) navigate('/mediation/disputes');
  };
  const print = async () => {
    setPrinting(true);
    try {
      await downloadFile(mediationFiles.agreement(d.id), `人民调解协议书_${d.number}.docx`);
    } catch (err) {
      showError(err);
    } finally {
      setPrinting(false);
    }
  };

  const open = d.status === 'registered' || d.status === 'mediating';
  const written = d.agreement?.kind === 'written';
  const buttons = d.canWrite
    ? [
        d.status === 'registered' && (
          <Button key="accept" type="primary" onClick={() => setAction('accept')}>
            受理
          </Button>
        ),
        d.status === 'registered' && (
          <Button key="refuse" onClick={() => setAction('refuse')}>
            当事人拒绝调解
          </Button>
        ),
        d.status === 'mediating' && (
          <Button key="session" type="primary" onClick={() => setAction('session')}>
            记录调解
          </Button>
        ),
        d.status === 'mediating' && (
          <Button key="close" onClick={() => setAction('close')}>
            办结
          </Button>
        ),
        written && (
          <Button key="print" type="primary" icon={<DownloadOutlined />} loading={printing} onClick={print}>
            下载协议书
          </Button>
        ),
        d.status === 'succeeded' && (
          <Button key="follow" onClick={() => setAction('followUp')}>
            回访
          </Button>
        ),
        written && !d.judicial?.appliedOn && d.judicial?.window !== 'closed' && (
          <Button key="judicial" onClick={() => setAction('judicial')}>
            申请司法确认
          </Button>
        ),
        d.judicial?.result === 'pending' && (
          <Button key="judicialResult" onClick={() => setAction('judicialResult')}>
            登记确认结果
          </Button>
        ),
        open && (
          <Button key="edit" icon={<EditOutlined />} onClick={() => setEditing(true)}>
            修改
          </Button>
        ),
        <Button key="void" danger type="text" onClick={() => setAction('void')}>
          作废
        </Button>,
      ].filter(Boolean)
    : written
      ? [
          <Button key="print" icon={<DownloadOutlined />} loading={printing} onClick={print}>
            下载协议书
          </Button>,
        ]
      : [];

  const partyColumns = [
    { title: '地位', dataIndex: 'role', width: 90, render: (r: Party['role']) => partyRoleLabels[r] },
    { title: '姓名或名称', dataIndex: 'name', width: 140 },
    { title: '类型', dataIndex: 'kind', width: 120, render: (k: Party['kind']) => partyKindLabels[k] },
    { title: '性别', dataIndex: 'gender', width: 60, render: (g: Party['gender']) => (g ? genderLabels[g] : '—') },
    { title: '证件号码', dataIndex: 'idNumber', width: 190, render: (v: string | null) => v ?? '—' },
    { title: '联系电话', dataIndex: 'phone', width: 130, render: (v: string | null) => v ?? '—' },
    { title: '住所', dataIndex: 'address', render: (v: string) => v || '—' },
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={
          <Flex wrap gap={8} align="center">
            <Link to="/mediation/disputes" aria-label="返回">
              <ArrowLeftOutlined />
            </Link>
            <span>纠纷 {d.number}</span>
            <StatusTags d={d} />
          </Flex>
        }
      >
        {buttons.length > 0 && (
          <Flex wrap gap={8} style={{ marginBottom: 16 }}>
            {buttons}
          </Flex>
        )}
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 3 }}
          items={[
            { label: '纠纷发生地', children: d.orgUnitName },
            { label: '调解委员会', children: `${d.committeeName}（${committeeLevelLabels[d.committeeLevel]}）` },
            { label: '登记日期', children: d.registeredOn },
            {
              label: '纠纷来源',
              children: `${disputeSourceLabels[d.source]}${d.referralFrom ? `（${referralFromLabels[d.referralFrom]}${d.referralNote ? `，${d.referralNote}` : ''}）` : ''}`,
            },
            { label: '纠纷类型', children: d.typeLabel },
            { label: '涉及金额', children: money(d.amount) },
            { label: '调解方式', children: disclosureLabels[d.disclosure] },
            { label: '受理日期', children: d.acceptedOn ?? '—' },
            { label: '调解期限', children: open ? <Typography.Text type={d.overdue ? 'danger' : undefined}>{d.dueOn ?? '—'}</Typography.Text> : '—' },
            { label: '调解员', children: d.mediators.map((m) => m.name).join('、') || '—' },
            { label: '办结日期', children: d.closedOn ?? d.refusedOn ?? '—' },
            { label: '纠纷简要情况', span: 'filled', children: text(d.summary) },
          ]}
        />
      </Card>

      <Card title="当事人" size="small">
        <Table<Party> rowKey="id" size="small" pagination={false} columns={partyColumns} dataSource={d.parties} scroll={{ x: 900 }} />
        {!d.canWrite && <Typography.Text type="secondary">证件号码、联系电话已脱敏：仅办理该纠纷的调解员可见全文。</Typography.Text>}
      </Card>

      <Card title={`调解记录（${d.sessions.length}）`} size="small">
        {d.sessions.length === 0 ? (
          <Empty description={d.status === 'registered' ? '受理后可记录调解' : '暂无调解记录'} />
        ) : (
          <Timeline
            items={d.sessions.map((s) => ({
              key: s.id,
              content: (
                <>
                  <Typography.Text strong>{`${s.heldOn} · ${s.place}`}</Typography.Text>
                  {d.canWrite && d.status === 'mediating' && (
                    <Button
                      type="link"
                      size="small"
                      onClick={() => {
                        setCorrecting(s);
                        setAction('session');
                      }}
                    >
                      修改
                    </Button>
                  )}
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 4 }}>{s.record}</Typography.Paragraph>
                  <Typography.Text type="secondary">
                    调解员：{s.mediators.join('、')}
                    {s.attendees.length > 0 && `；参加人员：${s.attendees.join('、')}`}
                    {s.recordedBy && `；记录人：${s.recordedBy}`}
                  </Typography.Text>
                </>
              ),
            }))}
          />
        )}
      </Card>

      {d.status === 'refused' && (
        <Card title="当事人拒绝调解" size="small">
          <Descriptions
            size="small"
            column={1}
            items={[
              { label: '拒绝日期', children: d.refusedOn },
              { label: '拒绝调解的当事人', children: d.refusingParty },
              { label: '拒绝理由', children: text(d.refusalReason) },
            ]}
          />
        </Card>
      )}

      {(d.status === 'failed' || d.status === 'terminated') && (
        <Card title="调解结果" size="small">
          <Descriptions
            size="small"
            column={1}
            items={[
              { label: '结果', children: d.status === 'failed' ? '调解不成' : '终止调解' },
              { label: '已告知的其他途径', children: d.otherChannels.map((c) => otherChannelLabels[c]).join('、') },
              { label: '说明', children: text(d.closeNote) },
            ]}
          />
        </Card>
      )}

      {d.agreement && (
        <Card title={`调解协议（${agreementKindLabels[d.agreement.kind]}）`} size="small">
          <Descriptions
            size="small"
            column={1}
            items={[
              { label: '生效日期', children: d.agreement.effectiveOn },
              ...(d.agreement.kind === 'written'
                ? [
                    { label: '纠纷的主要事实、争议事项', children: text(d.agreement.facts) },
                    { label: '各方当事人的责任', children: text(d.agreement.responsibilities) },
                  ]
                : []),
              { label: '协议内容', children: text(d.agreement.terms) },
              { label: '履行方式', children: d.agreement.performanceMethod || '—' },
              { label: '履行期限', children: d.agreement.performanceDeadline || '—' },
            ]}
          />
        </Card>
      )}

      {d.status === 'succeeded' && (
        <Card title={`回访（${d.followUps.length}）`} size="small">
          {d.followUps.length === 0 ? (
            <Empty description="调委会应当对调解协议的履行情况进行监督（第三十一条）" />
          ) : (
            <Timeline
              items={d.followUps.map((f) => ({
                key: f.id,
                content: (
                  <>
                    <Typography.Text strong style={{ marginInlineEnd: 8 }}>{`${f.followedOn} · ${followUpMethodLabels[f.method]}`}</Typography.Text>
                    <Tag color={f.performance === 'performed' ? 'success' : f.performance === 'not_performed' ? 'error' : 'processing'}>{performanceLabels[f.performance]}</Tag>
                    {f.note}
                  </>
                ),
              }))}
            />
          )}
        </Card>
      )}

      {d.judicial && (
        <Card title="司法确认" size="small">
          <Descriptions
            size="small"
            column={{ xs: 1, sm: 2 }}
            items={[
              {
                label: '申请期限',
                children: (
                  <>
                    {d.judicial.deadline}{' '}
                    {!d.judicial.appliedOn && (
                      <Tag color={d.judicial.window === 'closing' ? 'gold' : d.judicial.window === 'closed' ? 'default' : 'blue'}>{judicialWindowLabels[d.judicial.window]}</Tag>
                    )}
                  </>
                ),
              },
              { label: '申请日期', children: d.judicial.appliedOn ?? '未申请' },
              { label: '受理法院', children: d.judicial.court || '—' },
              { label: '结果', children: d.judicial.result ? `${judicialResultLabels[d.judicial.result]}${d.judicial.resultOn ? `（${d.judicial.resultOn}）` : ''}` : '—' },
            ]}
          />
        </Card>
      )}

      <Card title="附件" size="small">
        {/* 立卷归档 (art 27): signed agreements, photos from the scene and other papers of the dispute. */}
        <Attachments
          entityType="dispute"
          entityId={d.id}
          orgUnitId={d.orgUnitId}
          canWrite={d.canWrite}
          camera
          accept="image/*,.pdf,.doc,.docx,.xlsx"
          label="上传附件（拍照、协议书扫描件）"
        />
      </Card>

      <DisputeActions
        dispute={d}
        committee={committee.data}
        action={action}
        session={correcting}
        onClose={() => {
          setAction(null);
          setCorrecting(null);
        }}
        onDone={done}
      />
      <DisputeFormDrawer open={editing} editing={d} onClose={() => setEditing(false)} onSaved={(next) => done(next)} />
    </Space>
  );
}
