import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, List, Typography, Upload } from 'antd';
import type { StudySession } from '../../../../domain/learning/contracts.ts';
import { useCurrentMe } from '../../../app/auth.tsx';
import { formatInstant } from '../../../ui/dates.ts';
import { learningApi, learningKeys } from '../api.ts';

const size = (n: number) => (n > 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`);

/** Materials of a session (课件、签到表、照片) through the platform's attachments (entityType study_session). */
export function SessionMaterials({ session, canWrite }: { session: StudySession; canWrite: boolean }) {
  const me = useCurrentMe();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const files = useQuery({ queryKey: learningKeys.attachments(session.id), queryFn: async () => (await learningApi.attachments(session.id)).items });
  return (
    <>
      <List
        size="small"
        loading={files.isPending}
        locale={{ emptyText: '暂无材料' }}
        dataSource={files.data ?? []}
        renderItem={(f) => (
          <List.Item>
            <Typography.Link href={`/api/attachments/${f.id}`} target="_blank">
              <PaperClipOutlined /> {f.filename}
            </Typography.Link>
            <Typography.Text type="secondary">
              {size(f.size)} · {formatInstant(f.uploadedAt)}
            </Typography.Text>
          </List.Item>
        )}
      />
      {canWrite && (
        <Upload
          action="/api/attachments"
          headers={{ 'X-CSRF-Token': me.csrfToken }}
          // The unit and the record go before the file in the multipart body (the server reads them first).
          data={{ orgUnitId: String(session.orgUnitId), entityType: 'study_session', entityId: String(session.id) }}
          showUploadList={false}
          onChange={({ file }) => {
            if (file.status === 'done') {
              message.success(`已上传：${file.name}`);
              void queryClient.invalidateQueries({ queryKey: learningKeys.attachments(session.id) });
            }
            if (file.status === 'error') message.error((file.response as { error?: { message?: string } } | undefined)?.error?.message ?? '上传失败');
          }}
        >
          <Button size="small" icon={<UploadOutlined />} style={{ marginTop: 8 }}>
            上传材料（课件、签到表、照片）
          </Button>
        </Upload>
      )}
    </>
  );
}
