/** The queries the GraphQL IDE opens with: the questions users ask first of the founding source. */
export const IDE_EXAMPLES: ReadonlyArray<{ title: string; query: string; variables?: Record<string, unknown> }> = [
  {
    title: 'Who took part in the meeting',
    query: `# Who chaired, hosted, spoke at and attended the concluding meeting, with the quote for each claim.
query Participants {
  events(first: 5) {
    edges {
      node {
        name
        ... on Event {
          date
          participants {
            role
            capacity
            entity { name kind }
            onBehalfOf { name }
            evidence { quote confidence source { title } }
          }
        }
      }
    }
  }
}
`,
  },
  {
    title: 'Search a name',
    query: `# Case-, accent- and look-alike-insensitive; initials, prefixes and acronyms work too.
query Search($q: String!) {
  search(query: $q, first: 5) {
    totalCount
    edges { node { id kind name aliases } }
  }
}
`,
    variables: { q: 'R. Vassilenko' },
  },
  {
    title: 'Who observes the platform',
    query: `query Observers {
  entity(id: "dphd-cab") {
    name
    relationships(types: [OBSERVES], direction: INCOMING) {
      edges { node { from { name } evidence { quote } } }
    }
  }
}
`,
  },
  {
    title: 'What a person said and raised',
    query: `query Person($id: ID!) {
  entity(id: $id) {
    name
    aliases
    relationships(direction: OUTGOING, first: 20) {
      totalCount
      edges { node { type role description to { kind name } evidence { quote confidence } } }
    }
  }
}
`,
    variables: { id: 'b-zhakaev' },
  },
];
