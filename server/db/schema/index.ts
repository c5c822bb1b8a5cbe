export * from './accounts';
export * from './fixed-day';
export * from './members';
export * from './orgs';
export * from './oversight';
