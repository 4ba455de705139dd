import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Input, Modal, QRCode, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import type { StudySession } from '../../../../domain/learning/contracts.ts';
import { formatInstant } from '../../../ui/dates.ts';
import { useApiError } from '../../../ui/useApiError.ts';
import { learningApi, learningKeys } from '../api.ts';

/** The organiser's view of a session's sign-in: open it for a while, show the code and a QR code to the room, close it. */
export function SignInModal({ session, onClose }: { session: StudySession | null; onClose: () => void }) {
  const queryClient = useQueryClient();
  const showError = useApiError();
  const [minutes, setMinutes] = useState(30);
  // Polled while open so the organiser sees the count grow as people sign in.
  const live = useQuery({
    queryKey: [...learningKeys.sessions, 'sign-in', session?.id],
    queryFn: () => learningApi.session(session?.id as number),
    enabled: session !== null,
    refetchInterval: 5000,
  });
  const s = live.data ?? session;
  const run = async (call: () => Promise<StudySession>) => {
    try {
      queryClient.setQueryData([...learningKeys.sessions, 'sign-in', session?.id], await call());
      await queryClient.invalidateQueries({ queryKey: learningKeys.sessions });
    } catch (e) {
      showError(e);
    }
  };
  const link = s?.signIn ? `${window.location.origin}/my/learning?signin=${s.signIn.code}` : '';
  return (
    <Modal open={session !== null} title={`现场签到：${s?.title ?? ''}`} onCancel={onClose} footer={null} destroyOnHidden>
      {s?.signIn ? (
        <Flex vertical align="center" gap={12}>
          <Typography.Text type="secondary">参加人员登录后在「我的学习」输入签到码，或用手机扫码</Typography.Text>
          <Typography.Title level={1} style={{ letterSpacing: 12, margin: 0 }} data-testid="sign-in-code">
            {s.signIn.code}
          </Typography.Title>
          <QRCode value={link} />
          <Typography.Text>
            签到截止 {formatInstant(s.signIn.until)}，已签到 {s.personTimes} 人
          </Typography.Text>
          <Button danger onClick={() => run(() => learningApi.closeSignIn(s.id, s.version))}>
            结束签到
          </Button>
        </Flex>
      ) : (
        s && (
          <Space>
            <span>签到时长</span>
            <Select value={minutes} onChange={setMinutes} style={{ width: 120 }} options={[15, 30, 60, 120, 240].map((m) => ({ value: m, label: `${m} 分钟` }))} />
            <Button type="primary" onClick={() => run(() => learningApi.openSignIn(s.id, minutes, s.version))}>
              开启签到
            </Button>
          </Space>
        )
      )}
    </Modal>
  );
}

/** 我的学习: sign in to today's session with the organiser's code (a scanned QR code fills it in). */
export function SignInCard() {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const showError = useApiError();
  const [params] = useSearchParams();
  const [code, setCode] = useState(params.get('signin') ?? '');
  const submit = async () => {
    try {
      const r = await learningApi.signIn(code.trim());
      message.success(r.alreadySigned ? `您已签到过「${r.title}」` : `已签到：${r.title}（${r.heldOn}）`);
      setCode('');
      await queryClient.invalidateQueries({ queryKey: ['learning', 'my-record'] });
    } catch (e) {
      showError(e);
    }
  };
  return (
    <Card size="small" title="现场签到">
      <Space.Compact>
        <Input placeholder="6 位签到码" value={code} maxLength={6} inputMode="numeric" onChange={(e) => setCode(e.target.value)} onPressEnter={submit} style={{ width: 160 }} />
        <Button type="primary" disabled={!/^\d{6}$/.test(code.trim())} onClick={submit}>
          签到
        </Button>
      </Space.Compact>
    </Card>
  );
}
