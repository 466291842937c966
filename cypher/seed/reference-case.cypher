// The public facts of the Charing Cross / Westminster "Impact" team case, from five press reports.
// Safe to re-run: every statement MERGEs by id and SETs the same values. Each fact CITES the sources that state
// it; where sources disagree, each source's claim is a Claim node (STATED_BY its source), never averaged.
// Officers were never named: the synthetic layer (generated in code from a fixed seed) adds them as Officer A..N.

// Sources S1-S5
UNWIND [
  {id: 'source:S1', label: 'S1', outlet: 'Sky News', published: date('2019-04-30'), datePrecision: 'DAY',
   headline: '11 Met officers investigated over violence, racism, steroid use'},
  {id: 'source:S2', label: 'S2', outlet: 'TNT News', published: date('2019-04-01'), datePrecision: 'MONTH',
   dateNote: 'April or May 2019; no day given',
   headline: 'Officers probed for violence and racism at a London station'},
  {id: 'source:S3', label: 'S3', outlet: 'Daily Mail (crime correspondent)', published: date('2019-05-01'),
   datePrecision: 'DAY', dateNote: 'print edition',
   headline: 'Sex, racism and bullying probe hits West End officers'},
  {id: 'source:S4', label: 'S4', outlet: 'BBC News (London)', published: date('2022-02-01'),
   datePrecision: 'APPROXIMATE', dateNote: 'about 1 February 2022',
   headline: 'Met vows to root out bad officers; accepts 15 recommendations'},
  {id: 'source:S5', label: 'S5', outlet: 'Dorset Eye', published: date('2022-02-01'), datePrecision: 'MONTH',
   dateNote: 'February 2022, after the IOPC report', headline: 'Watchdog condemns officers\' behaviour'}
] AS row
MERGE (n:Entity {id: row.id})
SET n:Source, n += row, n.synthetic = false;

// Organisations, borough, stations, the Impact team, named officials
UNWIND [
  {id: 'org:iopc', label: 'Organisation', name: 'Independent Office for Police Conduct', shortName: 'IOPC',
   kind: 'WATCHDOG', cites: ['S1', 'S2', 'S3', 'S4', 'S5']},
  {id: 'org:mps', label: 'Organisation', name: 'Metropolitan Police Service', shortName: 'MPS', kind: 'FORCE',
   cites: ['S1', 'S2', 'S3', 'S4', 'S5']},
  {id: 'borough:westminster', label: 'Borough', name: 'Westminster', cites: ['S1', 'S2', 'S3']},
  {id: 'station:charing-cross', label: 'Station', name: 'Charing Cross police station',
   description: 'Near Trafalgar Square', cites: ['S1', 'S2', 'S3', 'S4', 'S5']},
  {id: 'station:west-end-central', label: 'Station', name: 'West End Central police station',
   cites: ['S2', 'S3']},
  {id: 'unit:impact', label: 'Unit', name: 'Impact team',
   description: 'Also reported as the West End Impact Zone team: patrolled night-time areas around Leicester Square and Piccadilly Circus; later disbanded after a restructure',
   cites: ['S1', 'S2', 'S3', 'S5']},
  {id: 'person:sal-naseem', label: 'Person', name: 'Sal Naseem', role: 'IOPC regional director',
   cites: ['S1', 'S3', 'S4', 'S5']},
  {id: 'person:bas-javid', label: 'Person', name: 'Bas Javid', role: 'Deputy Assistant Commissioner, MPS',
   cites: ['S4', 'S5']},
  {id: 'person:sadiq-khan', label: 'Person', name: 'Sadiq Khan', role: 'Mayor of London (commented)',
   cites: ['S5']}
] AS row
MERGE (n:Entity {id: row.id})
SET n:$(row.label), n += row {.*, label: null, cites: null}, n.synthetic = false
WITH n, row
UNWIND row.cites AS cited
MATCH (s:Source {label: cited})
MERGE (n)-[:CITES]->(s);

// How they hang together
UNWIND [
  ['station:charing-cross', 'IN_BOROUGH', 'borough:westminster'],
  ['station:west-end-central', 'IN_BOROUGH', 'borough:westminster'],
  ['station:charing-cross', 'PART_OF', 'org:mps'],
  ['station:west-end-central', 'PART_OF', 'org:mps'],
  ['unit:impact', 'PART_OF', 'org:mps'],
  ['unit:impact', 'BASED_AT', 'station:charing-cross'],
  ['person:sal-naseem', 'WORKS_FOR', 'org:iopc'],
  ['person:bas-javid', 'WORKS_FOR', 'org:mps']
] AS link
MATCH (a:Entity {id: link[0]}), (b:Entity {id: link[2]})
MERGE (a)-[r:$(link[1])]->(b);

// Operation Hotton: nine linked independent investigations concerning serving MPS officers [S4]
MERGE (op:Entity {id: 'operation:hotton'})
SET op:Operation, op.name = 'Operation Hotton', op.synthetic = false,
    op.description = 'Nine linked independent IOPC investigations concerning serving MPS officers of the Impact team. An internal MPS investigation seized officers\' messages first, which led to the widening.'
WITH op
MATCH (iopc:Organisation {id: 'org:iopc'})
MERGE (op)-[:CONDUCTED_BY]->(iopc)
WITH op
UNWIND ['S1', 'S2', 'S4'] AS cited
MATCH (s:Source {label: cited})
MERGE (op)-[:CITES]->(s);

UNWIND range(1, 9) AS number
MERGE (i:Entity {id: 'investigation:hotton-' + number})
SET i:Investigation, i.reference = 'Hotton ' + number, i.mode = 'INDEPENDENT', i.synthetic = false,
    i.opened = date('2018-03-01'),
    i.title = CASE number
      WHEN 1 THEN 'Allegation that an officer had sex with a vulnerable woman at Charing Cross police station'
      ELSE 'Linked investigation ' + number + ' of 9' END
WITH i
MATCH (op:Operation {id: 'operation:hotton'}), (s4:Source {label: 'S4'})
MERGE (i)-[:PART_OF]->(op)
MERGE (i)-[:CITES]->(s4);

// The trigger: around (S5: some time before) February 2016, never proven [S4]
MERGE (a:Entity {id: 'allegation:trigger'})
SET a:Allegation, a.category = 'SEXUAL_MISCONDUCT', a.status = 'NOT_PROVEN', a.reported = date('2016-02-01'),
    a.standard = 'Discreditable conduct', a.synthetic = false,
    a.description = 'That an officer had sex with a vulnerable (S5: drunk) woman in a room at Charing Cross police station, around February 2016'
WITH a
MATCH (i:Investigation {id: 'investigation:hotton-1'})
MERGE (i)-[:EXAMINES]->(a)
WITH a
UNWIND ['S4', 'S5'] AS cited
MATCH (s:Source {label: cited})
MERGE (a)-[:CITES]->(s);

// The 15 recommendations, all accepted by the MPS [S4, S5]
UNWIND range(1, 15) AS number
WITH number, CASE number
  WHEN 1 THEN 'Commit publicly to being an anti-racist organisation'
  WHEN 2 THEN 'Zero tolerance of sexism, misogyny, bullying and harassment'
  WHEN 3 THEN 'Make future bullying and harassment investigations suitably independent'
  ELSE null END AS gist
MERGE (r:Entity {id: 'recommendation:hotton-' + number})
SET r:Recommendation, r.number = number, r.disclosed = gist IS NOT NULL, r.synthetic = false,
    r.text = coalesce(gist, 'Recommendation ' + number + ' of 15: its text is not public in the cited sources')
MERGE (resp:Entity {id: 'response:hotton-' + number})
SET resp:Response, resp.accepted = true, resp.synthetic = false,
    resp.text = 'The MPS accepted all 15 recommendations'
WITH r, resp
MATCH (op:Operation {id: 'operation:hotton'}), (mps:Organisation {id: 'org:mps'})
MERGE (op)-[:MADE]->(r)
MERGE (r)-[:ADDRESSED_TO]->(mps)
MERGE (r)-[:HAS_RESPONSE]->(resp)
MERGE (resp)-[:BY]->(mps)
WITH r, resp
UNWIND ['S4', 'S5'] AS cited
MATCH (s:Source {label: cited})
MERGE (r)-[:CITES]->(s)
MERGE (resp)-[:CITES]->(s);

// What each source claimed, where they disagree or give figures; every claim kept with its source and date
UNWIND [
  ['S1', 'officers-investigated', 12, 'exactly', '11 serving officers (9 PCs, 2 sergeants) and 1 former PC investigated'],
  ['S2', 'officers-investigated', 10, 'at least', 'At least 10 officers (8 PCs, 2 sergeants) investigated'],
  ['S3', 'officers-investigated', 12, 'exactly', '11 serving officers (9 PCs, 2 sergeants) and 1 former PC investigated'],
  ['S4', 'officers-investigated', 14, 'exactly', '14 officers investigated'],
  ['S5', 'officers-investigated', 14, 'exactly', '14 officers investigated'],
  ['S1', 'officers-suspended', 1, 'exactly', '1 PC suspended'],
  ['S3', 'officers-suspended', 1, 'exactly', '1 PC suspended'],
  ['S1', 'officers-restricted', 4, 'exactly', '3 PCs and 1 sergeant on restricted duties'],
  ['S3', 'officers-restricted', 4, 'exactly', '3 PCs and 1 sergeant on restricted duties'],
  ['S4', 'officers-dismissed', 2, 'exactly', '2 dismissed for gross misconduct and put on the barred list'],
  ['S5', 'officers-dismissed', 2, 'exactly', '2 fired for gross misconduct and barred; the MPS said one was dismissed and one would have been dismissed had he not already resigned'],
  ['S4', 'officers-resigned', 2, 'exactly', '2 resigned'],
  ['S5', 'officers-resigned', 2, 'exactly', '2 resigned'],
  ['S4', 'officers-disciplined-other', null, 'several', 'Several others disciplined'],
  ['S5', 'officers-disciplined-other', 2, 'exactly', '2 others disciplined'],
  ['S4', 'officers-still-serving', 9, 'exactly', '9 still serving'],
  ['S4', 'officers-now-contractors', 1, 'exactly', '1 now a contractor in a staff role'],
  ['S1', 'conduct-period', null, null, 'Conduct between 2015 and 2017'],
  ['S2', 'conduct-period', null, null, 'Conduct between 2015 and 2017'],
  ['S5', 'conduct-period', null, null, 'Conduct between 2016 and 2018'],
  ['S2', 'investigation-start', null, null, 'Started last year (2018)'],
  ['S3', 'investigation-start', null, null, 'Started in April 2018'],
  ['S4', 'investigation-start', null, null, 'Started in March 2018'],
  ['S4', 'recommendations', 15, 'exactly', '15 recommendations made and all accepted by the MPS'],
  ['S5', 'recommendations', 15, 'exactly', '15 recommendations made and all accepted by the MPS'],
  ['S5', 'messages-reviewed', null, 'thousands', 'Thousands of messages reviewed, many sexualised, discriminatory or violent']
] AS claim
MATCH (s:Source {label: claim[0]}), (op:Operation {id: 'operation:hotton'})
MERGE (c:Entity {id: 'claim:' + claim[0] + ':' + claim[1]})
SET c:Claim, c.topic = claim[1], c.value = claim[2], c.qualifier = claim[3], c.statement = claim[4],
    c.asOf = s.published, c.synthetic = false
MERGE (c)-[:STATED_BY]->(s)
MERGE (c)-[:ABOUT]->(op);
