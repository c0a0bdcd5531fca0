// PennDOT's engineering districts and the counties in them (reference data; there is no District 7).
export interface District {
  readonly code: string;
  readonly name: string;
  readonly headquarters: string;
  readonly counties: readonly string[];
}

export const DISTRICTS: readonly District[] = [
  { code: '1-0', name: 'District 1-0', headquarters: 'Oil City', counties: ['Crawford', 'Erie', 'Forest', 'Mercer', 'Venango', 'Warren'] },
  { code: '2-0', name: 'District 2-0', headquarters: 'Clearfield', counties: ['Cameron', 'Centre', 'Clearfield', 'Clinton', 'Elk', 'Juniata', 'McKean', 'Mifflin', 'Potter'] },
  { code: '3-0', name: 'District 3-0', headquarters: 'Montoursville', counties: ['Bradford', 'Columbia', 'Lycoming', 'Montour', 'Northumberland', 'Snyder', 'Sullivan', 'Tioga', 'Union'] },
  { code: '4-0', name: 'District 4-0', headquarters: 'Dunmore', counties: ['Lackawanna', 'Luzerne', 'Pike', 'Susquehanna', 'Wayne', 'Wyoming'] },
  { code: '5-0', name: 'District 5-0', headquarters: 'Allentown', counties: ['Berks', 'Carbon', 'Lehigh', 'Monroe', 'Northampton', 'Schuylkill'] },
  { code: '6-0', name: 'District 6-0', headquarters: 'King of Prussia', counties: ['Bucks', 'Chester', 'Delaware', 'Montgomery', 'Philadelphia'] },
  { code: '8-0', name: 'District 8-0', headquarters: 'Harrisburg', counties: ['Adams', 'Cumberland', 'Dauphin', 'Franklin', 'Lancaster', 'Lebanon', 'Perry', 'York'] },
  { code: '9-0', name: 'District 9-0', headquarters: 'Hollidaysburg', counties: ['Bedford', 'Blair', 'Cambria', 'Fulton', 'Huntingdon', 'Somerset'] },
  { code: '10-0', name: 'District 10-0', headquarters: 'Indiana', counties: ['Armstrong', 'Butler', 'Clarion', 'Indiana', 'Jefferson'] },
  { code: '11-0', name: 'District 11-0', headquarters: 'Bridgeville', counties: ['Allegheny', 'Beaver', 'Lawrence'] },
  { code: '12-0', name: 'District 12-0', headquarters: 'Uniontown', counties: ['Fayette', 'Greene', 'Washington', 'Westmoreland'] },
];

export const DISTRICT_CODES: readonly string[] = DISTRICTS.map((d) => d.code);
