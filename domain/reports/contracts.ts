import { type Static, Type } from 'typebox';
import { Input, Text } from '../platform/contracts.ts';

/** `org` takes an org unit's id or its exact name (四棵树镇); `year` the calendar year the figures cover. */
export const IndicatorsQuery = Input({
  org: Text('单位', 100),
  year: Type.Integer({ title: '年度', minimum: 2000, maximum: 2100 }),
});
export type IndicatorsQuery = Static<typeof IndicatorsQuery>;

export const IndicatorValue = Type.Object({
  id: Type.String(),
  label: Type.String(),
  unit: Type.String(),
  module: Type.String(),
  value: Type.Union([Type.Number(), Type.Null()]),
});
export type IndicatorValue = Static<typeof IndicatorValue>;

/** One record behind a figure: what a clerk needs to recognise it and open it. */
export const IndicatorRecord = Type.Object({
  entityType: Type.String(),
  entityId: Type.Integer(),
  date: Type.Union([Type.String(), Type.Null()]),
  title: Type.String(),
  detail: Type.String(),
});
export type IndicatorRecord = Static<typeof IndicatorRecord>;

export const IndicatorParams = Input({ id: Type.String({ title: '指标', pattern: '^[a-z_]+\\.[a-z0-9_]+$', maxLength: 100 }) });
