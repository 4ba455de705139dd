import {
  agreementKindLabels,
  agreementKinds,
  type DisputeStatus,
  disputeSourceLabels,
  disputeSources,
  disputeStatuses,
  disputeStatusLabels,
  followUpMethodLabels,
  followUpMethods,
  genderLabels,
  genders,
  memberPositionLabels,
  memberPositions,
  otherChannelLabels,
  otherChannels,
  partyKindLabels,
  partyKinds,
  partyRoleLabels,
  partyRoles,
  performanceLabels,
  performances,
  referralFromLabels,
  referralFroms,
} from '../../../domain/mediation/rules.ts';

const optionsOf = <T extends string>(codes: readonly T[], labels: Record<T, string>) => codes.map((value) => ({ value, label: labels[value] }));

export const statusOptions = optionsOf(disputeStatuses, disputeStatusLabels);
export const sourceOptions = optionsOf(disputeSources, disputeSourceLabels);
export const referralOptions = optionsOf(referralFroms, referralFromLabels);
export const partyKindOptions = optionsOf(partyKinds, partyKindLabels);
export const partyRoleOptions = optionsOf(partyRoles, partyRoleLabels);
export const genderOptions = optionsOf(genders, genderLabels);
export const agreementOptions = optionsOf(agreementKinds, agreementKindLabels);
export const channelOptions = optionsOf(otherChannels, otherChannelLabels);
export const followUpMethodOptions = optionsOf(followUpMethods, followUpMethodLabels);
export const performanceOptions = optionsOf(performances, performanceLabels);
export const positionOptions = optionsOf(memberPositions, memberPositionLabels);

export const statusColors: Record<DisputeStatus, string> = {
  registered: 'default',
  mediating: 'processing',
  refused: 'warning',
  succeeded: 'success',
  failed: 'error',
  terminated: 'default',
};
