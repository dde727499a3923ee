/**
 * Words that are capitalised in comments and identifiers but are not people: SQL, products,
 * calendar words, clinical roles and frequent English words compromise's lexicon lacks.
 */
export const COMMON_WORDS: readonly string[] = `
select insert update delete create table index drop alter grant revoke begin commit rollback
view schema column function trigger policy sequence type enum role database constraint primary
foreign key unique check default null true false returns return language plpgsql sql where from
join left right inner outer group order having limit offset union values set into with as on
postgres postgresql pg neon supabase prisma drizzle knex kysely typeorm sequelize redis kafka
sentry stripe docker node nodejs react next nextjs express nest nestjs jest vitest aws amazon
google microsoft azure github gitlab slack jira zendesk twilio sendgrid epic cerner athena
openai linux windows mac ios android chrome safari firefox json yaml xml http https api rest
graphql grpc sdk cli ui ux css html javascript typescript python java go rust ruby php swift
kotlin scala terraform kubernetes helm nginx apache vercel netlify heroku cloudflare datadog
pagerduty opentelemetry otel honeycomb grafana prometheus elastic elasticsearch kibana splunk
lambda cloudwatch bigquery snowflake tableau looker metabase excel sheets hl7 fhir dicom vatech
walgreens cvs rite aid kaiser aetna cigna humana anthem bluecross blueshield medicare medicaid
unitedhealthcare optum
january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday today tomorrow yesterday
jan feb mar apr jun jul aug sep sept oct nov dec mon tue wed thu fri sat sun
patient patients client clients member members participant subject resident beneficiary enrollee
doctor nurse clinician therapist physician provider pharmacist staff admin administrator user
front desk team lead manager owner author reviewer maintainer support engineer developer qa
note notes todo fixme hack bug fix issue ticket incident release migration seed fixture test
tests example examples sample demo temp tmp backup restore copy legacy old new draft final
chart intake visit visits appointment appointments encounter claim claims order orders result
results lab labs report reports record records data field fields value values name names
first last middle full given family legal preferred display middle initial
street st avenue ave road rd boulevard blvd lane ln drive dr court ct place pl way suite apt
north south east west city county state zip postal code country
the a an and or not but if then else when while for to of in at by is are was were be been
this that these those it its we our you your they their he she his her him them who whom which
what why how all any each every some no none one two three four five six seven eight nine ten
only also just still even very more most less least much many few new old same other another
keep make use used uses using get got set run runs ran add added remove removed move moved
see seen show shows call called calls send sent read write written store stored save saved
open close closed start started stop stopped done need needs needed want wants must should
could would will can may might shall do does did have has had go goes went come came take took
drop dropped rename renamed merge merged split handle handled allow allowed deny denied
please note warning error info debug trace fatal critical urgent routine soon important
safe unsafe internal external public private global local remote primary secondary
morning evening night week month year day hour minute second quarter annual monthly weekly
dear hello hi thanks regards sincerely best
`.trim().split(/\s+/);

/** Schema and code words that appear in object names next to people's names. */
export const SCHEMA_WORDS: readonly string[] = `
backup bak tmp temp old new dup dupe copy archive archived idx ix fk pk pkey key seq trg fn uq chk
log logs audit hist history staging stg raw src dst qa dev prod export exports import imports tbl
vw mv view mat cache draft fix fixes patch hotfix restore restored merge merged migration mig
by of for to from and or on in at with per all any tmpl template sample samples demo seed seeds
summary report reports detail details list lists map mapping lookup ref refs data info meta
notes note appt appts start end idx time at date ts created updated deleted
unit units result results order orders test tests item items line lines row rows job jobs queue
users user account accounts session sessions role roles admin admins staff team teams org orgs
public private internal external legacy v1 v2 v3 part partition shard primary replica read write
override overrides approval approvals request requests response responses event events
`.trim().split(/\s+/);
