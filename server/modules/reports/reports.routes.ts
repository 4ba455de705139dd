import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { IndicatorParams, IndicatorRecord, IndicatorsQuery, IndicatorValue } from '../../../domain/reports/contracts.ts';
import { ctxOf } from '../../plugins/auth.ts';
import * as svc from './reports.service.ts';

const tags = ['指标与报告'];

export const reportsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/indicators',
    { schema: { tags, summary: '某单位某年度的全部指标（由记录实时计算）', querystring: IndicatorsQuery, response: { 200: Type.Array(IndicatorValue) } } },
    async (req) => svc.indicatorValues(ctxOf(req), req.query.org, req.query.year),
  );
  app.get(
    '/indicators/:id/records',
    {
      schema: {
        tags,
        summary: '指标背后的记录（下钻）',
        params: IndicatorParams,
        querystring: IndicatorsQuery,
        response: { 200: Type.Object({ indicator: IndicatorValue, items: Type.Array(IndicatorRecord) }) },
      },
    },
    async (req) => svc.indicatorRecords(ctxOf(req), req.params.id, req.query.org, req.query.year),
  );
};
