import { Card, Col, Row, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { roleLabels } from '../../../../domain/platform/roles.ts';
import { allowedEntries } from '../../../app/access.ts';
import { useAccess, useCurrentMe } from '../../../app/auth.tsx';

export function HomePage() {
  const me = useCurrentMe();
  const shortcuts = allowedEntries(useAccess()).filter((e) => e.path !== '/');
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          您好，{me.user.displayName}
        </Typography.Title>
        <Typography.Paragraph type="secondary">欢迎使用法治乡镇工作平台。</Typography.Paragraph>
        <Space size={[4, 8]} wrap>
          <Typography.Text>角色：</Typography.Text>
          {me.grants.length === 0 && <Typography.Text type="secondary">暂未授予角色</Typography.Text>}
          {me.grants.map((g) => (
            <Tag key={`${g.role}@${g.orgUnitId}`} color="blue">
              {roleLabels[g.role]}@{g.orgUnitName}
            </Tag>
          ))}
        </Space>
      </Card>
      <Row gutter={[16, 16]}>
        {shortcuts.map((e) => (
          <Col key={e.path} xs={24} sm={12} lg={8} xl={6}>
            <Link to={e.path}>
              <Card hoverable>
                <Card.Meta avatar={<e.icon />} title={e.label} description={e.description} />
              </Card>
            </Link>
          </Col>
        ))}
      </Row>
    </Space>
  );
}
