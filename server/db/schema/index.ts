export * from './accounts';
export * from './audit';
export * from './fixed-day';
export * from './members';
export * from './orgs';
export * from './oversight';
