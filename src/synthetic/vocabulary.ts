import { OrgType } from '../domain/enums';

/**
 * Word lists for synthetic names and sentences. Every name carries a number and an invented
 * surname, so no generated person can be mistaken for a real one.
 */

/** Invented, regional-looking surname forms built on "Surname". */
export const SURNAMES: readonly string[] = [
  'Surnamov', 'Surnamova', 'Surnamenko', 'Surnamuly', 'Surnamkyzy', 'Surnamescu', 'Surnamian', 'Surnamidze',
];

/** ISO 3166-1 alpha-2 codes the synthetic bodies are registered in. */
export const COUNTRIES: readonly string[] = ['KZ', 'KG', 'UZ', 'TJ', 'TM', 'AM', 'GE', 'AZ', 'MD', 'MN', 'UA', 'BY'];

/** The hub organizations, by descending share of events they attend or observe. */
export const HUB_NAMES: readonly string[] = ['UN Agency 1', 'UN Agency 2', 'UN Agency 3', 'Regional Organization 4'];
export const HUB_EVENT_SHARE: readonly number[] = [0.85, 0.6, 0.35, 0.2];

/** Name patterns per orgType; `#` is replaced by the organization's number. */
export const ORG_NAME_PATTERNS: Readonly<Record<OrgType, readonly string[]>> = {
  [OrgType.STATE]: ['Republic #'],
  [OrgType.GOVERNMENT_BODY]: [
    'Ministry of Affairs #', 'Ministry of Justice #', 'Agency for Civil Service #', "General Prosecutor's Office #",
    'Committee # of the Criminal Executive System',
  ],
  [OrgType.COMMISSION]: ['Commission on Human Rights #', 'Commission for Equal Opportunities #'],
  [OrgType.CONSULTATIVE_BODY]: ['Dialogue Platform #', 'Advisory Council #', 'Public Council #'],
  [OrgType.NATIONAL_HUMAN_RIGHTS_INSTITUTION]: ['National Centre for Human Rights #', "Ombudsperson's Office #"],
  [OrgType.NGO]: [
    'Human Rights Bureau #', 'Legal Aid Foundation #', 'Civil Society Organisation #', 'Youth Initiative #',
    'Association of Lawyers #',
  ],
  [OrgType.INTERNATIONAL_ORGANIZATION]: ['International Organization #', 'UN Agency #', 'Regional Mission #'],
  [OrgType.GROUP]: ['Relevant Ministries Group #', 'Human Rights NGOs Group #', 'Guests of the Platform #'],
  [OrgType.OTHER]: ['Research Institute #', 'University Law Clinic #'],
};

/** How a register describes each orgType in running text. */
export const ORG_TYPE_PHRASES: Readonly<Record<OrgType, string>> = {
  [OrgType.STATE]: 'a state',
  [OrgType.GOVERNMENT_BODY]: 'a government body',
  [OrgType.COMMISSION]: 'a commission',
  [OrgType.CONSULTATIVE_BODY]: 'a consultative body',
  [OrgType.NATIONAL_HUMAN_RIGHTS_INSTITUTION]: 'a national human rights institution',
  [OrgType.NGO]: 'a non-governmental organisation',
  [OrgType.INTERNATIONAL_ORGANIZATION]: 'an international organisation',
  [OrgType.GROUP]: 'a group of participants',
  [OrgType.OTHER]: 'an institution',
};

/** Relative frequency of the non-hub, non-state orgTypes. */
export const ORG_TYPE_WEIGHTS: readonly (readonly [OrgType, number])[] = [
  [OrgType.GOVERNMENT_BODY, 34],
  [OrgType.NGO, 25],
  [OrgType.COMMISSION, 7],
  [OrgType.CONSULTATIVE_BODY, 7],
  [OrgType.NATIONAL_HUMAN_RIGHTS_INSTITUTION, 4],
  [OrgType.INTERNATIONAL_ORGANIZATION, 7],
  [OrgType.GROUP, 8],
  [OrgType.OTHER, 8],
];

/** Position titles per orgType of the employer. */
export const POSITION_ROLES: Readonly<Record<OrgType, readonly string[]>> = {
  [OrgType.STATE]: ['Ambassador', 'Special Envoy'],
  [OrgType.GOVERNMENT_BODY]: ['Minister', 'Deputy Minister', 'First Deputy', 'Head of Department', 'Advisor'],
  [OrgType.COMMISSION]: ['Chairperson', 'Deputy Chairperson', 'Member', 'Secretary'],
  [OrgType.CONSULTATIVE_BODY]: ['Chairperson', 'Member', 'Secretary'],
  [OrgType.NATIONAL_HUMAN_RIGHTS_INSTITUTION]: ['Head', 'Deputy Head', 'Ombudsperson'],
  [OrgType.NGO]: ['Director', 'Programme Coordinator', 'Lawyer', 'Head'],
  [OrgType.INTERNATIONAL_ORGANIZATION]: ['Programme Officer', 'Representative', 'Head of Office'],
  [OrgType.GROUP]: ['Member'],
  [OrgType.OTHER]: ['Researcher', 'Professor'],
};

export const EVENT_FORMATS: readonly string[] = [
  'Round Table', 'Meeting', 'Session', 'Conference', 'Workshop', 'Consultation', 'Forum',
];

export const THEMES: readonly string[] = [
  'Prevention of Torture', 'Access to Justice', 'Freedom of Association', 'Rights of Persons with Disabilities',
  'Gender Equality', 'Rights of the Child', 'Freedom of Expression', 'Labour Rights', 'Rights of Migrants',
  'Digital Rights', 'Penitentiary Reform', 'Anti-Discrimination',
];

export const LAW_SUBJECTS: readonly string[] = [
  'Public Associations', 'Peaceful Assemblies', 'Mass Media', 'Prevention of Domestic Violence', 'Ombudsperson',
  'Access to Information', 'Legal Aid', 'Rights of the Child', 'Penitentiary System', 'Equal Opportunities',
];

export const DOCUMENT_KINDS: readonly string[] = [
  'Work Plan', 'Joint Statement', 'Recommendations', 'Annual Report', 'Resolution', 'Roadmap',
];

export const MONTHS: readonly string[] = [
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November',
  'December',
];

/** Cyrillic letters that print like the Latin ones they replace, as press releases mix them by accident. */
export const CYRILLIC_CAPITAL_ER = '\u0420';
export const CYRILLIC_SMALL_A = '\u0430';
