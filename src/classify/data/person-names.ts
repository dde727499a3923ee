/**
 * Common given names and surnames across origins (a modest hand-written list), used to spot
 * people inside identifiers (`patient_maria_garcia`) and to confirm capitalised pairs in text.
 * compromise's lexicon adds its own first/last names at load time (see names-lexicon.ts).
 */

export const GIVEN_NAMES: readonly string[] = `
james john robert michael william david richard joseph thomas charles christopher daniel matthew
anthony mark donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward
jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin scott brandon benjamin
samuel gregory alexander frank patrick raymond jack dennis jerry tyler aaron jose adam nathan henry
douglas zachary peter kyle ethan walter noah jeremy christian keith roger terry gerald harold sean
austin carl arthur lawrence dylan jesse jordan bryan billy joe bruce gabriel logan albert willie
alan juan wayne elijah randy roy vincent ralph eugene russell bobby mason philip louis
mary patricia jennifer linda elizabeth barbara susan jessica sarah karen lisa nancy betty margaret
sandra ashley kimberly emily donna michelle carol amanda dorothy melissa deborah stephanie rebecca
sharon laura cynthia kathleen amy angela shirley anna brenda pamela emma nicole helen samantha
katherine christine debra rachel carolyn janet catherine maria heather diane ruth julie olivia
joyce virginia victoria kelly lauren christina joan evelyn judith megan andrea cheryl hannah
jacqueline martha gloria teresa ann sara madison frances kathryn janice jean abigail alice judy
sophia grace denise amber doris marilyn danielle beverly isabella theresa diana natalie brittany
charlotte marie kayla alexis lori jane
maria jose juan luis carlos jorge miguel pedro alejandro javier fernando ricardo manuel francisco
rafael roberto eduardo sergio andres diego raul ramon hector arturo alberto enrique teodoro
guadalupe carmen rosa ana lucia sofia valentina camila isabel elena beatriz marisol yesenia
alejandra gabriela daniela adriana veronica claudia leticia silvia patricia mariana paola
lucinda ximena esperanza consuelo dolores pilar rocio inés ines catalina
wei li ming jun hui yan xin lei jing fang hong ying chen hao yu tao jie lin mei hua
hiroshi takashi kenji yuki haruto yuto sakura hina aiko akira
priya rahul amit anil sunil raj ravi vijay sanjay arjun deepak neha pooja anjali divya kavita
lakshmi sunita aarav vivek rohan meera nisha
mohammed muhammad ahmed ali omar hassan hussein yusuf ibrahim khalid fatima aisha zainab mariam
layla noor amina samir tariq karim rania leila
kwame kofi kwabena ama akua abena chidi chinedu emeka ngozi adaeze chiamaka oluwaseun tunde
femi bola folake amara nia imani jamal darnell tyrone latoya keisha deshawn
olga svetlana natasha tatiana irina dmitri sergei ivan vladimir anastasia yelena mikhail
ingrid astrid sven lars erik gunnar nils bjorn freya sigrid henrik magnus anders
giovanni giuseppe marco luca francesca giulia chiara alessandro lorenzo matteo
pierre jacques francois amelie chloe camille antoine louise
hans klaus jurgen heike ursula wolfgang dieter
sean liam siobhan aoife niamh cormac eamon declan ciaran padraig
thi nguyen minh anh linh duc huong
`.trim().split(/\s+/);

export const SURNAMES: readonly string[] = `
smith johnson williams brown jones garcia miller davis rodriguez martinez hernandez lopez gonzalez
wilson anderson thomas taylor moore jackson martin lee perez thompson white harris sanchez clark
ramirez lewis robinson walker young allen king wright scott torres nguyen hill flores green adams
nelson baker hall rivera campbell mitchell carter roberts gomez phillips evans turner diaz parker
cruz edwards collins reyes stewart morris morales murphy cook rogers gutierrez ortiz morgan cooper
peterson bailey reed kelly howard ramos kim cox ward richardson watson brooks chavez wood james
bennett gray mendoza ruiz hughes price alvarez castillo sanders patel myers long ross foster
jimenez powell jenkins perry russell sullivan bell coleman butler henderson barnes gonzales fisher
vasquez simmons romero jordan patterson alexander hamilton graham reynolds griffin wallace moreno
west cole hayes bryant herrera gibson ellis tran medina aguilar stevens murray ford castro marshall
owens harrison fernandez mcdonald woods washington kennedy wells vargas henry chen freeman webb
tucker guzman burns crawford olson simpson porter hunter gordon mendez silva shaw snyder mason
dixon munoz hunt hicks holmes palmer wagner black robertson boyd rose stone salazar fox warren
mills meyer rice schmidt garza daniels ferguson nichols stephens soto weaver ryan gardner payne
grant dunn kelley spencer hawkins arnold pierce vazquez hansen peters santos hart bradley knight
elliott cunningham duncan armstrong hudson carroll lane riley andrews alvarado ray delgado berry
perkins hoffman johnston matthews pena richards contreras willis carpenter lawrence sandoval
guerrero george chapman rios estrada ortega watkins greene nunez wheeler valdez harper burke
larson santiago maldonado morrison franklin carlson austin dominguez carr lawson jacobs obrien
lynch singh vega bishop montgomery oliver jensen harvey williamson gilbert dean sims espinoza
howell li wong reid hanson le mccoy garrett burton fuller wang weber welch rojas lucero
quintero solis caldera herrera navarro campos fuentes cabrera acosta ibarra mejia villanueva
pacheco escobar cardenas zamora velasquez figueroa avila rosales marquez trujillo
okafor okonkwo adeyemi adebayo okoro nwosu eze obi mensah asante boateng owusu osei appiah
kamara diallo traore keita ndiaye doe roe marsh
wang zhang liu yang huang zhao wu zhou xu sun ma zhu hu guo lin he gao luo zheng
tanaka suzuki takahashi watanabe ito yamamoto nakamura kobayashi sato kato
kumar sharma gupta reddy rao iyer nair joshi mehta shah desai banerjee chatterjee raman
khan ahmed hussain hassan rahman chaudhry malik qureshi haddad nasser
ivanov petrov smirnov popov sokolov kuznetsov volkov novak kowalski nowak wisniewski
hansen johansen larsen andersen pedersen nielsen halvorsen solberg lindqvist berg lund
rossi russo ferrari esposito bianchi romano colombo ricci marino greco bruno gallo conti
muller schneider fischer becker schulz hoffmann koch richter klein wolf schroeder neumann
dubois durand leroy moreau lefebvre fournier girard
murphy kelly obrien byrne ryan oconnor walsh doyle mccarthy gallagher doherty kennedy lynch
ferreira pereira oliveira costa rodrigues almeida carvalho gomes martins ribeiro
`.trim().split(/\s+/);

/** Given names that are also everyday words; they need a known surname beside them. */
export const AMBIGUOUS_GIVEN: readonly string[] = `
mark grant bill will rose april may june august chase hunter king young white brown green black
long cook price bell wood gray hill stone law grace faith hope joy summer autumn dawn iris ruby
pearl jade amber crystal ivy lily violet daisy holly heather olive sky river major bishop baker
carter cooper mason taylor parker austin jordan dallas paris florence victoria georgia virginia
carolina sydney cash gene guy jack rich frank bob sue pat art dean earl ray max don van ed sun
ma he li le lin hu wu xu yu tao jun ming mei hong ying fang lei jing hui yan xin hao jie hua
ali noor nia ama chen kim ford lane ross reed rice ward west wells page marsh ash
penny sandy misty destiny harmony melody star storm rain sage reign royal king prince
ray gray rusty chip buck hank norm miles wade drew lee carol ruth hazel fern
`.trim().split(/\s+/);

/** Documentation placeholders: names every team uses for fake people. */
export const PLACEHOLDER_NAMES: readonly string[] = [
  'john doe', 'jane doe', 'john q public', 'jane roe', 'richard roe', 'baby doe', 'joe bloggs',
  'max mustermann', 'erika mustermann', 'test patient', 'john smith test', 'foo bar',
];
