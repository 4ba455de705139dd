import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, type ConfigProviderProps } from 'antd';
import zhCNModule from 'antd/es/locale/zh_CN.js';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn.js';
import { RouterProvider } from 'react-router';
import { ApiError } from './http.ts';
import { router } from './router.tsx';

dayjs.locale('zh-cn');

// antd ships ES modules under a CommonJS package.json: TypeScript (NodeNext) sees the default export one level
// down, while Vite hands over the locale itself. Accept either.
const zhCN = ('default' in zhCNModule ? zhCNModule.default : zhCNModule) as ConfigProviderProps['locale'];

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A 4xx will not change on retry; only network trouble and 5xx are worth another try.
      retry: (failures, error) => failures < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
      refetchOnWindowFocus: false,
    },
  },
});

export function App() {
  return (
    // No space inside two-character labels (antd writes 登录 as 登 录): the text must read, and match, as written.
    <ConfigProvider locale={zhCN} button={{ autoInsertSpace: false }}>
      {/* AntApp gives message/modal that follow the locale and theme (App.useApp), unlike the static ones. */}
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
