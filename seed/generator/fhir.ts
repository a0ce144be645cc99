/**
 * A FHIR R4 provider directory's answer to `GET /Organization?type=prov&_revinclude=Location:organization`:
 * a `searchset` Bundle of hospital Organizations (NPI and CMS Certification Number identifiers, NUCC
 * taxonomy beside the `prov` organisation type) with the Locations that point at them included
 * (`search.mode: include`). The hub's source maps the Organizations only (`resourceType` option), so
 * the included Locations are skipped by the parser, as they would be from a real server.
 */

/** NamingSystem URIs a US directory uses for the identifiers the facility domain matches on. */
export const NPI_SYSTEM = 'http://hl7.org/fhir/sid/us-npi';
export const CCN_SYSTEM = 'urn:oid:2.16.840.1.113883.4.336';
export const NUCC_SYSTEM = 'http://nucc.org/provider-taxonomy';

export interface DirectoryOrganization {
  id: string;
  npi: string;
  ccn?: string;
  name: string;
  alias?: string;
  taxonomy: string;
  active: boolean;
  line1: string;
  city: string;
  state: string;
  postalCode: string;
  phone: string;
  lastUpdated: string;
}

const titleCase = (value: string): string => value.toLowerCase().replace(/(^|[\s\-/(])([a-z])/g, (_m, lead: string, letter: string) => lead + letter.toUpperCase()).replace(/'S\b/g, "'s");

function organization(entry: DirectoryOrganization): Record<string, unknown> {
  return {
    resourceType: 'Organization',
    id: entry.id,
    meta: { lastUpdated: entry.lastUpdated, profile: ['http://hl7.org/fhir/us/ndh/StructureDefinition/ndh-Organization'] },
    identifier: [
      { use: 'official', type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'NPI' }] }, system: NPI_SYSTEM, value: entry.npi },
      ...(entry.ccn ? [{ use: 'secondary', type: { text: 'CMS Certification Number' }, system: CCN_SYSTEM, value: entry.ccn }] : []),
    ],
    active: entry.active,
    type: [
      { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/organization-type', code: 'prov', display: 'Healthcare Provider' }] },
      { coding: [{ system: NUCC_SYSTEM, code: entry.taxonomy }] },
    ],
    name: titleCase(entry.name),
    ...(entry.alias ? { alias: [titleCase(entry.alias)] } : {}),
    telecom: [{ system: 'phone', value: `(${entry.phone.slice(0, 3)}) ${entry.phone.slice(3, 6)}-${entry.phone.slice(6)}`, use: 'work' }],
    address: [
      { use: 'work', type: 'both', line: [titleCase(entry.line1)], city: titleCase(entry.city), state: entry.state, postalCode: entry.postalCode, country: 'US' },
    ],
  };
}

function location(entry: DirectoryOrganization, base: string): Record<string, unknown> {
  return {
    resourceType: 'Location',
    id: `loc-${entry.id.replace(/^org-/, '')}`,
    status: entry.active ? 'active' : 'inactive',
    name: `${titleCase(entry.name)} - Main Campus`,
    mode: 'instance',
    address: { line: [titleCase(entry.line1)], city: titleCase(entry.city), state: entry.state, postalCode: entry.postalCode, country: 'US' },
    managingOrganization: { reference: `${base}/Organization/${entry.id}` },
  };
}

/** The searchset Bundle (pretty-printed JSON, as a server with `_pretty=true` answers). */
export function directoryToFhirBundle(input: { organizations: DirectoryOrganization[]; withLocation: Set<string>; timestamp: string }): string {
  const base = 'https://directory.example.org/fhir';
  const entries: unknown[] = [];
  for (const entry of input.organizations) {
    entries.push({ fullUrl: `${base}/Organization/${entry.id}`, resource: organization(entry), search: { mode: 'match' } });
    if (input.withLocation.has(entry.id)) {
      const included = location(entry, base);
      entries.push({ fullUrl: `${base}/Location/${String(included.id)}`, resource: included, search: { mode: 'include' } });
    }
  }
  const bundle = {
    resourceType: 'Bundle',
    id: 'directory-hospitals-20241124',
    meta: { lastUpdated: input.timestamp },
    type: 'searchset',
    total: input.organizations.length,
    link: [{ relation: 'self', url: `${base}/Organization?type=prov&_revinclude=Location:organization&_count=500` }],
    entry: entries,
  };
  return `${JSON.stringify(bundle, null, 2)}\n`;
}
