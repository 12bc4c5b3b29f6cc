/** Every GraphQL document the explorer sends. */

const EVIDENCE = 'evidence { quote confidence start end source { id title } }';

const ENTITY_REF = 'id name kind ... on Event { date }';

const RELATIONSHIP = `
  id type role startDate endDate description
  from { ${ENTITY_REF} }
  to { ${ENTITY_REF} }
  onBehalfOf { id name kind }
  ${EVIDENCE}`;

export const SEARCH = `
  query Search($query: String!) {
    search(query: $query, first: 8) { edges { node { id name kind aliases } } }
  }`;

export const HOME = `
  query Home {
    events(first: 10) { edges { node { id name kind ... on Event { date } } } }
    sources { id title publisher publishedAt }
  }`;

export const ENTITY_PAGE = `
  query EntityPage($id: ID!) {
    entity(id: $id) {
      ${ENTITY_REF} aliases description
      ... on Organization { orgType country }
      ... on Law { country date }
      ... on Document { date }
      ${EVIDENCE}
    }
  }`;

export const RELATIONSHIPS_PAGE = `
  query Relationships($id: ID!, $types: [RelationshipType!], $activeAt: PartialDate, $after: String) {
    entity(id: $id) {
      id
      relationships(types: $types, activeAt: $activeAt, first: 100, after: $after) {
        totalCount
        pageInfo { endCursor hasNextPage }
        edges { node { ${RELATIONSHIP} } }
      }
    }
  }`;

export const PARTICIPANTS = `
  query Participants($id: ID!) {
    entity(id: $id) {
      id
      ... on Event {
        participants { role capacity entity { ${ENTITY_REF} } onBehalfOf { id name kind } ${EVIDENCE} }
      }
    }
  }`;

export const TIMELINE = `
  query Timeline($id: ID!) {
    entity(id: $id) {
      id
      timeline { date summary relationship { id type ${EVIDENCE} } }
    }
  }`;

export const CO_PARTICIPANTS = `
  query CoParticipants($id: ID!) {
    coParticipants(id: $id, first: 50) { count entity { id name kind } events { id name kind ... on Event { date } } }
  }`;

export const NEIGHBORHOOD = `
  query Neighborhood($id: ID!, $depth: Int!, $types: [RelationshipType!], $kinds: [EntityKind!], $limit: Int!) {
    neighborhood(id: $id, depth: $depth, types: $types, kinds: $kinds, limit: $limit) { truncated cytoscape }
  }`;

export const ENTITY_NAMES = `
  query EntityName($id: ID!) { entity(id: $id) { id name kind } }`;

export const SOURCE_TITLES = `query SourceTitles { sources { id title } }`;

export const PATHS = `
  query Paths($from: ID!, $to: ID!) {
    paths(from: $from, to: $to, maxHops: 6, first: 5) {
      length
      nodes { ${ENTITY_REF} }
      relationships { ${RELATIONSHIP} }
    }
  }`;

/** The most quoted spans a source page asks for: the API's cap on `citations(first)`. */
export const CITATIONS_CAP = 2000;

export const SOURCE = `
  query SourcePage($id: ID!) {
    source(id: $id) {
      id title publisher publishedAt url text citationCount
      citations(first: ${String(CITATIONS_CAP)}) { quote start end confidence entity { ${ENTITY_REF} } relationship { ${RELATIONSHIP} } }
    }
  }`;

const PROPOSAL = `
  id kind status rejectedReason acceptedAs resolvesTo
  resolvedEntity { id name kind }
  entity { ref name kind date }
  relationship { ref type role from fromId to toId onBehalfOf confidence }
  evidence { quote start end }
  contradiction { relationshipId quote sourceId relationship { id role } }`;

export const INGESTIONS = `
  query Ingestions($status: IngestionStatus) {
    ingestions(status: $status, first: 100) {
      totalCount
      edges { node { id status createdAt createdBy source { id title } pending: proposals(status: PENDING) { id } proposals { id } } }
    }
  }`;

export const INGESTION = `
  query Ingestion($id: ID!) {
    ingestion(id: $id) {
      id status createdAt createdBy
      source { id title text }
      proposals { ${PROPOSAL} }
    }
  }`;

export const ACCEPT_PROPOSALS = `
  mutation Accept($ids: [ID!]!) { acceptProposals(ids: $ids) { id status acceptedAs } }`;

export const REJECT_PROPOSALS = `
  mutation Reject($ids: [ID!]!, $reason: String!) { rejectProposals(ids: $ids, reason: $reason) { id status } }`;

export const UPDATE_PROPOSAL = `
  mutation Update($id: ID!, $input: UpdateProposalInput!) { updateProposal(id: $id, input: $input) { id status } }`;
