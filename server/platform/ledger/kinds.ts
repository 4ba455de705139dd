import { AppError } from '../../errors.ts';
import { counselEngagementsList, counselLawsuitsList, counselMattersLedger } from '../../modules/counsel/counsel.ledger.ts';
import {
  enforcementCasesLedger,
  enforcementLegalReviewersList,
  enforcementOfficersList,
  enforcementPowersList,
  enforcementReviewsList,
} from '../../modules/enforcement/enforcement.ledger.ts';
import { examScoresLedger, learningPapersList, questionsLedger, studySessionsLedger } from '../../modules/learning/learning.ledger.ts';
import { mediationCommitteesList, mediationDisputesLedger } from '../../modules/mediation/mediation.ledger.ts';
import { orgMeetingsList, orgMembersList, orgTasksList, orgUsersList } from '../../modules/org/org.ledger.ts';
import { publicityEventsLedger, publicityKeyDatesList, publicityLawsList, publicityPlansList } from '../../modules/publicity/publicity.ledger.ts';
import { villageDisclosuresList, villageHearingsLedger, villageHonoursList, villageRulesList } from '../../modules/villages/villages.ledger.ts';
import { auditLogList } from '../audit.ledger.ts';
import type { AnyLedgerKind, ListExport } from './kind.ts';

/** Every record kind with a ledger, each declared once in its module; the HTTP routes and the CLI serve these. */
export const ledgerKinds: readonly AnyLedgerKind[] = [
  mediationDisputesLedger,
  publicityEventsLedger,
  studySessionsLedger,
  questionsLedger,
  examScoresLedger,
  villageHearingsLedger,
  counselMattersLedger,
  enforcementCasesLedger,
];

/** Every list page's export: the ledgers', and those of the lists that are not imported. */
export const listExports: readonly ListExport[] = [
  ...ledgerKinds,
  enforcementOfficersList,
  villageHonoursList,
  villageRulesList,
  villageDisclosuresList,
  publicityKeyDatesList,
  publicityPlansList,
  publicityLawsList,
  counselLawsuitsList,
  counselEngagementsList,
  learningPapersList,
  enforcementPowersList,
  enforcementReviewsList,
  enforcementLegalReviewersList,
  orgUsersList,
  orgMeetingsList,
  orgTasksList,
  orgMembersList,
  mediationCommitteesList,
  auditLogList,
];

const named = <K extends ListExport>(kinds: readonly K[], id: string): K => {
  const kind = kinds.find((k) => k.id === id);
  if (!kind) throw new AppError('NOT_FOUND', `没有「${id}」台账（可用：${kinds.map((k) => `${k.id} ${k.title}`).join('、')}）`);
  return kind;
};
export const ledgerKind = (id: string): AnyLedgerKind => named(ledgerKinds, id);
export const listExport = (id: string): ListExport => named(listExports, id);
