/**
 * The hand-written evaluation corpus (`test/fixtures/match-eval/<domain>.json`): its format, how to
 * read it, its well-formedness problems, and its labelled pairs. Two records are a true pair when
 * their `entity` is equal; `hardNegatives` are record pairs of different entities that look alike.
 * Shared by `npm run eval:match` and the matching tests; never tuned on (docs/MATCHING.md).
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { present } from '../../server/invariant';

export const CORPUS_DOMAINS = ['item', 'supplier', 'facility', 'account'] as const;

/** The repository's `test/fixtures/match-eval/` folder. */
export const CORPUS_DIRECTORY = fileURLToPath(new URL('../../test/fixtures/match-eval/', import.meta.url));

export interface CorpusRecord {
  /** Corpus-wide unique id (names the entity for readers; never sent to the hub). */
  id: string;
  source: string;
  entity: string;
  /** The canonical record as the source's mapping would produce it (includes `sourceId`). */
  record: Record<string, unknown> & { sourceId: string };
}

export interface HardNegative {
  a: string;
  b: string;
  /** What tells the two apart (gauge, suture size, parent/child, same name other city…). */
  differs: string;
}

export interface EvaluationCorpus {
  domain: string;
  description: string;
  provenance: string;
  records: CorpusRecord[];
  hardNegatives: HardNegative[];
}

/** The held-out corpus `test/fixtures/match-eval-holdout/`: written before the matching-quality tuning, never tuned on or edited after. */
export const HOLDOUT_CORPUS_DIRECTORY = fileURLToPath(new URL('../../test/fixtures/match-eval-holdout/', import.meta.url));

/** The second held-out corpus `test/fixtures/match-eval-holdout2/` (items and suppliers): written before the second round of matching-quality work, never tuned on or edited after. */
export const HOLDOUT2_CORPUS_DIRECTORY = fileURLToPath(new URL('../../test/fixtures/match-eval-holdout2/', import.meta.url));

/** The third held-out corpus `test/fixtures/match-eval-holdout3/` (items): written before the third round of item matching work (GDSN, GUDID, GPO contract, 30-character item master, Workday, NDC label, EU comma-decimal conventions), never tuned on or edited after. */
export const HOLDOUT3_CORPUS_DIRECTORY = fileURLToPath(new URL('../../test/fixtures/match-eval-holdout3/', import.meta.url));

/** The fourth held-out corpus `test/fixtures/match-eval-holdout4/`: items (marketplace titles, Canadian bilingual EN/FR, NHS Supply Chain, ARTG / GMDN, lower-case EHR charge lines, preference cards, instrument and lab catalogues), suppliers (GLEIF, OpenCorporates, SAM.gov, Companies House, AP vendor masters) and facilities (CMS, NPPES, AHA, state licences, HIFLD). Written before the fourth round of item and organisation matching work, never tuned on or edited after. */
export const HOLDOUT4_CORPUS_DIRECTORY = fileURLToPath(new URL('../../test/fixtures/match-eval-holdout4/', import.meta.url));

/** The fifth held-out corpus `test/fixtures/match-eval-holdout5/`: items (Infor CloudSuite 60/30-character, Oracle Fusion, SAP MM German / English short texts, Henry Schein, ECRI UMDNS, a Dutch hospital catalogue, FDA NDC SPL packages, PHARMAC, free-text requisitions), suppliers and facilities in conventions the earlier corpora do not use. Written blind to the matching rules before the fifth round of matching work, never tuned on or edited after. */
export const HOLDOUT5_CORPUS_DIRECTORY = fileURLToPath(new URL('../../test/fixtures/match-eval-holdout5/', import.meta.url));

/** The sixth held-out corpus `test/fixtures/match-eval-holdout6/` (sealed in session 8, opened in session 9): items in web-shop / reseller, lab-catalogue, RxNorm / FDB / Medi-Span, chargemaster, FedMall, EDI 832, export-catalogue, value-analysis and ward free-text conventions; suppliers and facilities from registers and payment files the earlier corpora do not use. Written blind to the matching rules in session 8 (main at 766c406); never tuned on, never edited after. Its files are whichever of item / supplier / facility exist; opened for tuning in session 9 and part of `--holdout` since. */
export const HOLDOUT6_CORPUS_DIRECTORY = fileURLToPath(new URL('../../test/fixtures/match-eval-holdout6/', import.meta.url));

/** The seventh held-out corpus `test/fixtures/match-eval-holdout7/` (sealed in session 9, opened in session 10): items in public product-matching title styles (Abt / Buy / Walmart, office-supply shops, Amazon / Google software) and SAP Ariba, Vizient, PeopleSoft 30-character, Pyxis / Omnicell / PAR, HIBC, UniHA French, Spanish, Italian CND and dental-distributor conventions; suppliers in European, Chinese, Israeli, Turkish and South African register, US Secretary-of-State, IRS BMF, stock-listing, lockbox and 30-character conventions; facilities as FINESS, CNH, ASST, CNES, Japanese, Ontario / Quebec, NHSN, FHIR Plan-Net, trauma, inspection and post-acute lists. Written blind to the matching rules in session 9 (main at 8d19b99); never edited after. Its files are whichever of item / supplier / facility exist; opened for tuning in session 10 and part of `--holdout` since. */
export const HOLDOUT7_CORPUS_DIRECTORY = fileURLToPath(new URL('../../test/fixtures/match-eval-holdout7/', import.meta.url));

/** The eighth held-out corpus `test/fixtures/match-eval-holdout8/` (sealed in session 10, opened in session 11): items in WDC offer-title / Google Shopping / eBay / short-shop styles and HealthTrust, Coupa, Jaggaer, Tecsys, Epic implant-log, HealthShare NSW, NZ Health Partners, HSE, ANVISA, Nordic, German purchasing-group, Japanese, Korean MFDS, veterinary, long-term-care and HCPCS DME conventions. Written blind to the matching rules in session 10 (main at d08c6b6); never edited after; opened for tuning in session 11 and part of `--holdout` since. Its files are whichever of item / supplier / facility exist. */
export const HOLDOUT8_CORPUS_DIRECTORY = fileURLToPath(new URL('../../test/fixtures/match-eval-holdout8/', import.meta.url));

/** The ninth held-out corpus `test/fixtures/match-eval-holdout9/` (sealed in session 11, opened in session 12): items in Amazon / Walmart grocery / CVS / Kroger / UK pharmacy retail, Icecat, MediaMarkt / bol.com and Grainger / Fastenal / McMaster-Carr / DLA ECAT styles and Premier, Intalere, VA FSS / ECMS, NHS Scotland / Wales, HealthPRO, Mohawk Medbuy, PBS, NAPPI, GeM, IMSS, NMPA, RESAH, Consip, Z-Index, Belgian, Finnish, Swiss, kit-list, instrument-tray and manufacturer / dental-distributor conventions; suppliers in PeopleSoft 40-character, Amazon Business, p-card, EDI 810, GPO contract, D&B family-tree, Secretary-of-State, diversity-list, SHAB, EUDAMED, bill-of-lading, MDEL, EDINET, KIND, Chinese / Taiwanese, South Asian, Latin American, Israeli and Turkish conventions; facilities as HCRIS subprovider units, CMS IRF / IPF / hospice, stroke-centre, ranking, location-finder, FHIR Location, NCPDP, payer-directory, GLEIF, OSM and Asian, Latin American, Gulf and European lists. Written blind to the matching rules in session 11 (main at 202a4ba); never edited after; opened for tuning in session 12 and part of `--holdout` since. Its files are whichever of item / supplier / facility exist. */
export const HOLDOUT9_CORPUS_DIRECTORY = fileURLToPath(new URL('../../test/fixtures/match-eval-holdout9/', import.meta.url));

/** The tenth held-out corpus `test/fixtures/match-eval-holdout10/` (sealed in session 12, opened in session 13): items in Home Depot / Lowe's / Best Buy / Target, AliExpress / Alibaba, Mercado Libre / Rakuten / Flipkart, Open Food Facts, PriceRunner / idealo, DailyMed, FDA-recall and IFU styles and dm+d, AMT, Canadian DIN, EUDAMED, MEDIS, CATMAT, OR pick-list, ICU order-set, tall-man formulary, OCR'd invoice and 40-character item-master conventions; suppliers as USPTO / PatentsView assignees, ClinicalTrials.gov sponsors, FDA MAUDE / recall firms, TED and national tender winners in local languages, UK / Australian / Canadian procurement, trade-show exhibitors, AP OCR and typing errors, e-mail domains, LinkedIn / Crunchbase and regional names; facilities as HIFLD, UB-04 / 837, ClinicalTrials.gov sites, Google Maps, Wikipedia, CLIA, MQSA, DEA, HL7 MSH-4, DHIS2, African master facility lists, ERN members, paper affiliations and Japanese, Turkish, Iranian, Greek, Ukrainian, Canadian French, Australian and TPA lists. Written blind to the matching rules in session 12 (main at 0ba2d42); never edited after; opened for tuning in session 13 and part of `--holdout` since. Its files are whichever of item / supplier / facility exist. */
export const HOLDOUT10_CORPUS_DIRECTORY = fileURLToPath(new URL('../../test/fixtures/match-eval-holdout10/', import.meta.url));

/** The eleventh held-out corpus `test/fixtures/match-eval-holdout11/` (sealed in session 13, opened in session 14): written blind to the matching rules in session 13 (main at 7e4cbbd) by the corpus11items and corpus11orgs helpers, in conventions no earlier corpus uses (docs/MATCHING.md "Eleventh held-out item corpus" and "Eleventh held-out corpus (suppliers, facilities)"); never edited after; opened for tuning in session 14 and part of `--holdout` since. Its files are whichever of item / supplier / facility exist. */
export const HOLDOUT11_CORPUS_DIRECTORY = fileURLToPath(new URL('../../test/fixtures/match-eval-holdout11/', import.meta.url));

/** The twelfth held-out corpus `test/fixtures/match-eval-holdout12/` (sealed in session 14, opened in session 15): written blind to the matching rules in session 14 (main at f22f2af) by the corpus12items and corpus12orgs helpers, in conventions no earlier corpus uses (docs/MATCHING.md "Twelfth held-out item corpus" and "Twelfth held-out corpus (suppliers, facilities)"); never edited after; opened for tuning in session 15 and part of `--holdout` since. Its files are whichever of item / supplier / facility exist. */
export const HOLDOUT12_CORPUS_DIRECTORY = fileURLToPath(new URL('../../test/fixtures/match-eval-holdout12/', import.meta.url));

/** The thirteenth held-out corpus `test/fixtures/match-eval-holdout13/` (sealed in session 15, opened in session 16): written blind to the matching rules in session 15 (main at 3be2476) by the corpus13items and corpus13orgs helpers, in conventions no earlier corpus uses (docs/MATCHING.md "Thirteenth held-out item corpus" and "Thirteenth held-out corpus (suppliers, facilities)"); never edited after; opened for tuning in session 16 and part of `--holdout` since. Its files are whichever of item / supplier / facility exist. */
export const HOLDOUT13_CORPUS_DIRECTORY = fileURLToPath(new URL('../../test/fixtures/match-eval-holdout13/', import.meta.url));

/** The fourteenth held-out corpus `test/fixtures/match-eval-holdout14/` (sealed in session 16, opened in session 17): written blind to the matching rules in session 16 (main at f389a8e) by the corpus14items and corpus14orgs helpers, in conventions no earlier corpus uses (docs/MATCHING.md "Fourteenth held-out item corpus" and "Fourteenth held-out corpus (suppliers, facilities)"); never edited after; opened for tuning in session 17 and part of `--holdout` since. Its files are whichever of item / supplier / facility exist. */
export const HOLDOUT14_CORPUS_DIRECTORY = fileURLToPath(new URL('../../test/fixtures/match-eval-holdout14/', import.meta.url));

/** The fifteenth held-out corpus `test/fixtures/match-eval-holdout15/` (sealed in session 17, opened in session 18): written blind to the matching rules in session 17 (main at 20d452f) by the corpus15items and corpus15orgs helpers, in conventions no earlier corpus uses (docs/MATCHING.md "Fifteenth held-out item corpus" and "Fifteenth held-out corpus (suppliers, facilities)"); never edited after; opened for tuning in session 18 and part of `--holdout` since. Its files are whichever of item / supplier / facility exist. */
export const HOLDOUT15_CORPUS_DIRECTORY = fileURLToPath(new URL('../../test/fixtures/match-eval-holdout15/', import.meta.url));

/** The sixteenth held-out corpus `test/fixtures/match-eval-holdout16/` (sealed in session 18, opened in session 19): written blind to the matching rules in session 18 (main at 373fa5a) by the corpus16items and corpus16orgs helpers, in conventions no earlier corpus uses (docs/MATCHING.md "Sixteenth held-out item corpus" and "Sixteenth held-out corpus (suppliers, facilities)"); never edited after; opened for tuning in session 19 and part of `--holdout` since. Its files are whichever of item / supplier / facility exist. */
export const HOLDOUT16_CORPUS_DIRECTORY = fileURLToPath(new URL('../../test/fixtures/match-eval-holdout16/', import.meta.url));

/** The seventeenth held-out corpus `test/fixtures/match-eval-holdout17/` (sealed in session 19, opened in session 20): written blind to the matching rules in session 19 (main at ba35632) by the corpus17items and corpus17orgs helpers, in conventions no earlier corpus uses (docs/MATCHING.md "Seventeenth held-out item corpus" and "Seventeenth held-out corpus (suppliers, facilities)"); never edited after; opened for tuning in session 20 and part of `--holdout` since. Its files are whichever of item / supplier / facility exist. */
export const HOLDOUT17_CORPUS_DIRECTORY = fileURLToPath(new URL('../../test/fixtures/match-eval-holdout17/', import.meta.url));

/** The eighteenth held-out corpus `test/fixtures/match-eval-holdout18/` (sealed in session 20, opened in session 21): written blind to the matching rules in session 20 (main at b8351b5) by the corpus18items and corpus18orgs helpers, in conventions no earlier corpus uses (docs/MATCHING.md "Eighteenth held-out item corpus" and "Eighteenth held-out corpus (suppliers, facilities)"); never edited after; opened for tuning in session 21 and part of `--holdout` since. Its files are whichever of item / supplier / facility exist. */
export const HOLDOUT18_CORPUS_DIRECTORY = fileURLToPath(new URL('../../test/fixtures/match-eval-holdout18/', import.meta.url));

/** The nineteenth held-out corpus `test/fixtures/match-eval-holdout19/` (sealed in session 21, opened in session 22): written blind to the matching rules in session 21 (main at e471248) by the corpus19items and corpus19orgs helpers, in conventions no earlier corpus uses (docs/MATCHING.md "Nineteenth held-out item corpus" and "Nineteenth held-out corpus (suppliers, facilities)"); never edited after; opened for tuning in session 22 and part of `--holdout` since. Its files are whichever of item / supplier / facility exist. */
export const HOLDOUT19_CORPUS_DIRECTORY = fileURLToPath(new URL('../../test/fixtures/match-eval-holdout19/', import.meta.url));

/** The twentieth held-out corpus `test/fixtures/match-eval-holdout20/` (sealed in session 22, opened in session 23): written blind to the matching rules in session 22 (main at c3416d1) by the corpus20items and corpus20orgs helpers, in conventions no earlier corpus uses (docs/MATCHING.md "Twentieth held-out item corpus" and "Twentieth held-out corpus (suppliers, facilities)"); never edited after; opened for tuning in session 23 and part of `--holdout` since. Its files are whichever of item / supplier / facility exist. */
export const HOLDOUT20_CORPUS_DIRECTORY = fileURLToPath(new URL('../../test/fixtures/match-eval-holdout20/', import.meta.url));

/** The twenty-first held-out corpus `test/fixtures/match-eval-holdout21/` (sealed in session 23, opened in session 24): written blind to the matching rules in session 23 (main at 0b5bfda) by the corpus21items and corpus21orgs helpers, in conventions no earlier corpus uses (docs/MATCHING.md "Twenty-first held-out item corpus" and "Twenty-first held-out corpus (suppliers, facilities)"); never edited after; opened for tuning in session 24 and part of `--holdout` since. Its files are whichever of item / supplier / facility exist. */
export const HOLDOUT21_CORPUS_DIRECTORY = fileURLToPath(new URL('../../test/fixtures/match-eval-holdout21/', import.meta.url));

/** The twenty-second held-out corpus `test/fixtures/match-eval-holdout22/` (sealed in session 24, opened in session 25): written blind to the matching rules in session 24 (main at 64b1d73) by the corpus22items and corpus22orgs helpers, in conventions no earlier corpus uses (docs/MATCHING.md "Twenty-second held-out item corpus" and "Twenty-second held-out corpus (suppliers, facilities)"); never edited after; opened for tuning in session 25 and part of `--holdout` since. Its files are whichever of item / supplier / facility exist. */
export const HOLDOUT22_CORPUS_DIRECTORY = fileURLToPath(new URL('../../test/fixtures/match-eval-holdout22/', import.meta.url));

/** The twenty-third held-out corpus `test/fixtures/match-eval-holdout23/` (sealed in session 25, opened in session 26): written blind to the matching rules in session 25 (main at adbfe21) by the corpus23items and corpus23orgs helpers, in conventions no earlier corpus uses (docs/MATCHING.md "Twenty-third held-out item corpus" and "Twenty-third held-out corpus (suppliers, facilities)"); never edited after; opened for tuning in session 26 and part of `--holdout` since. Its files are whichever of item / supplier / facility exist. */
export const HOLDOUT23_CORPUS_DIRECTORY = fileURLToPath(new URL('../../test/fixtures/match-eval-holdout23/', import.meta.url));

/** The twenty-fourth held-out corpus `test/fixtures/match-eval-holdout24/` (sealed in session 26, opened in session 27): written blind to the matching rules in session 26 (main at a3ca298) by the corpus24items and corpus24orgs helpers, in conventions no earlier corpus uses (docs/MATCHING.md "Twenty-fourth held-out item corpus" and "Twenty-fourth held-out corpus (suppliers, facilities)"); never edited after; opened for tuning in session 27 and part of `--holdout` since. Its files are whichever of item / supplier / facility exist. */
export const HOLDOUT24_CORPUS_DIRECTORY = fileURLToPath(new URL('../../test/fixtures/match-eval-holdout24/', import.meta.url));

/** The twenty-fifth held-out corpus `test/fixtures/match-eval-holdout25/` (sealed in session 27, opened in session 28): written blind to the matching rules in session 27 (main at e161c0e) by the corpus25items and corpus25orgs helpers, in conventions no earlier corpus uses (docs/MATCHING.md "Twenty-fifth held-out item corpus" and "Twenty-fifth held-out corpus (suppliers, facilities)"); never edited after; opened for tuning in session 28 and part of `--holdout` since. Its files are whichever of item / supplier / facility exist. */
export const HOLDOUT25_CORPUS_DIRECTORY = fileURLToPath(new URL('../../test/fixtures/match-eval-holdout25/', import.meta.url));

/** The twenty-sixth held-out corpus `test/fixtures/match-eval-holdout26/` (sealed in session 28, opened in session 29): written blind to the matching rules in session 28 (main at b625011) by the corpus26items and corpus26orgs helpers, in conventions no earlier corpus uses (docs/MATCHING.md "Twenty-sixth held-out item corpus" and "Twenty-sixth held-out corpus (suppliers, facilities)"); never edited after; opened for tuning in session 29 and part of `--holdout` since. Its files are whichever of item / supplier / facility exist. */
export const HOLDOUT26_CORPUS_DIRECTORY = fileURLToPath(new URL('../../test/fixtures/match-eval-holdout26/', import.meta.url));

/** The twenty-seventh held-out corpus `test/fixtures/match-eval-holdout27/` (sealed in session 29, opened in session 30): written blind to the matching rules in session 29 (main at 96f4901) by the corpus27items and corpus27orgs helpers, in conventions no earlier corpus uses (docs/MATCHING.md "Twenty-seventh held-out item corpus" and "Twenty-seventh held-out corpus (suppliers, facilities)"); never edited after; opened for tuning in session 30 and part of `--holdout` since. Its files are whichever of item / supplier / facility exist. */
export const HOLDOUT27_CORPUS_DIRECTORY = fileURLToPath(new URL('../../test/fixtures/match-eval-holdout27/', import.meta.url));

/** The twenty-eighth held-out corpus `test/fixtures/match-eval-holdout28/` (sealed in session 30, opened in session 31): written blind to the matching rules in session 30 (main at 7da91bc3) by the corpus28items and corpus28orgs helpers, in conventions no earlier corpus uses (docs/MATCHING.md "Twenty-eighth held-out item corpus" and "Twenty-eighth held-out corpus (suppliers, facilities)"); never edited after; opened for tuning in session 31 and part of `--holdout` since. Its files are whichever of item / supplier / facility exist. */
export const HOLDOUT28_CORPUS_DIRECTORY = fileURLToPath(new URL('../../test/fixtures/match-eval-holdout28/', import.meta.url));

/** The twenty-ninth held-out corpus `test/fixtures/match-eval-holdout29/` (sealed in session 31, opened in session 32): written blind to the matching rules in session 31 (main at 036fdeb7) by the corpus29items and corpus29orgs helpers, in conventions no earlier corpus uses (docs/MATCHING.md "Twenty-ninth held-out item corpus" and "Twenty-ninth held-out corpus (suppliers, facilities)"); never edited after; opened for tuning in session 32 and part of `--holdout` since. Its files are whichever of item / supplier / facility exist. */
export const HOLDOUT29_CORPUS_DIRECTORY = fileURLToPath(new URL('../../test/fixtures/match-eval-holdout29/', import.meta.url));

/** The thirtieth held-out corpus `test/fixtures/match-eval-holdout30/` (SEALED, session 32): written blind to the matching rules in session 32 (main at the commit that opened the twenty-ninth) by the corpus30items and corpus30orgs helpers, in conventions no earlier corpus uses (docs/MATCHING.md "Thirtieth held-out item corpus" and "Thirtieth held-out corpus (suppliers, facilities)"); never tuned on, never edited after; not in `OPENED_HOLDOUT_DIRECTORIES`, only `--holdout30` scores it. Its files are whichever of item / supplier / facility exist. */
export const HOLDOUT30_CORPUS_DIRECTORY = fileURLToPath(new URL('../../test/fixtures/match-eval-holdout30/', import.meta.url));

/**
 * Every held-out corpus in the order it was written (`--holdoutN` scores the N-th alone), with the title `npm run
 * eval:match` prints for it. A sealed corpus (written blind this session, never tuned on) is scored only by its own
 * flag; opening it for tuning is flipping `sealed` here (and saying so in its title and docs/MATCHING.md).
 */
export const HELD_OUT_CORPORA: ReadonlyArray<{ directory: string; sealed: boolean; title: string }> = [
  {
    directory: HOLDOUT_CORPUS_DIRECTORY,
    sealed: false,
    title: 'HELD-OUT CORPUS (test/fixtures/match-eval-holdout, hand-written before the matching-quality tuning, never tuned on)',
  },
  {
    directory: HOLDOUT2_CORPUS_DIRECTORY,
    sealed: false,
    title:
      'SECOND HELD-OUT CORPUS (test/fixtures/match-eval-holdout2, items and suppliers, hand-written before the second matching-quality round, never tuned on)',
  },
  {
    directory: HOLDOUT3_CORPUS_DIRECTORY,
    sealed: false,
    title:
      'THIRD HELD-OUT CORPUS (test/fixtures/match-eval-holdout3, items in GDSN / GUDID / GPO / 30-character / Workday / NDC-label / EU conventions, hand-written before the third item round, never tuned on)',
  },
  {
    directory: HOLDOUT4_CORPUS_DIRECTORY,
    sealed: false,
    title:
      'FOURTH HELD-OUT CORPUS (test/fixtures/match-eval-holdout4: items as marketplace / Canadian bilingual / NHS Supply Chain / ARTG / lower-case EHR charge / preference-card / instrument / lab catalogue lines; suppliers in GLEIF / OpenCorporates / SAM.gov / Companies House / AP-remit conventions; hospitals in CMS / NPPES / AHA / state-licence / HIFLD conventions; hand-written before the fourth item and organisation rounds, never tuned on)',
  },
  {
    directory: HOLDOUT5_CORPUS_DIRECTORY,
    sealed: false,
    title:
      'FIFTH HELD-OUT CORPUS (test/fixtures/match-eval-holdout5, written blind to the rules before the fifth round, never tuned on: items as Infor CloudSuite 60/30-character / Oracle Fusion / SAP MM German-English / Henry Schein / UMDNS / Dutch hospital / NDC SPL package / PHARMAC / free-text requisition lines; suppliers as D&B / NPPES / VIES / registers / GPO roster / 1099 / AP vendor books; facilities as Care Compare / Leapfrog / Joint Commission / Medicaid / payer / ERP location / VA / NHS / CIHI / AIHW lists)',
  },
  {
    directory: HOLDOUT6_CORPUS_DIRECTORY,
    sealed: false,
    title:
      'SIXTH HELD-OUT CORPUS (test/fixtures/match-eval-holdout6: written blind to the rules in session 8 and measured sealed then; opened for tuning in session 9, so development figures since: items as web-shop / reseller titles, lab catalogues, RxNorm / FDB / Medi-Span drug names, chargemaster, FedMall, EDI 832, export catalogues, value-analysis lists and ward free text; suppliers and facilities from registers and payment files the earlier corpora do not use)',
  },
  {
    directory: HOLDOUT7_CORPUS_DIRECTORY,
    sealed: false,
    title:
      'SEVENTH HELD-OUT CORPUS (test/fixtures/match-eval-holdout7: written blind to the rules in session 9 and measured sealed then; opened for tuning in session 10, so development figures since: items as Abt / Buy / Walmart / office-supply / Amazon-Google software titles, SAP Ariba punch-out, Vizient contract file, PeopleSoft 30-character, Pyxis / Omnicell / PAR bin names, HIBC receiving lines, UniHA French, Spanish and Italian CND catalogues, dental distributors; suppliers in French / Italian / Spanish / Polish / Czech / Benelux / Austrian / Chinese / Israeli / Turkish / South African register, Secretary-of-State, IRS BMF, stock-listing, lockbox and 30-character conventions; facilities as FINESS, CNH, ASST, CNES, Japanese, Ontario / Quebec, NHSN, FHIR Plan-Net, trauma, inspection, Medicare Advantage, nursing-home, dialysis and home-health lists)',
  },
  {
    directory: HOLDOUT8_CORPUS_DIRECTORY,
    sealed: false,
    title:
      'EIGHTH HELD-OUT CORPUS (test/fixtures/match-eval-holdout8: written blind to the rules in session 10 and measured sealed then; opened for tuning in session 11, so development figures since: items as WDC offer / Google Shopping / eBay / short shop titles, HealthTrust contract file, Coupa / Jaggaer punch-out, Tecsys, Epic implant log, HealthShare NSW, NZ Health Partners, HSE, ANVISA, Swedish / Danish / Norwegian and German purchasing-group catalogues, Japanese and Korean MFDS names, veterinary, long-term-care and HCPCS DME lines; suppliers in South-East Asian, Gulf, Cyrillic, Greek, Portuguese, Central European and Baltic, Irish, charity / NHS, Quebec, African, UN / WHO prequalification, e-invoicing, bank-statement and card-merchant conventions; facilities as 340B, ASC / RHC / CAH, certificate-of-need, DoD, UK / Irish / NZ / Benelux / Swiss / Nordic / Mexican / Philippine / African registries, Healthsites.io and Wikidata)',
  },
  {
    directory: HOLDOUT9_CORPUS_DIRECTORY,
    sealed: false,
    title:
      'NINTH HELD-OUT CORPUS (test/fixtures/match-eval-holdout9: written blind to the rules in session 11 and measured sealed then; opened for tuning in session 12, so development figures since: items as Amazon / Walmart grocery / CVS / Kroger / UK pharmacy retail titles, Icecat data-sheet names, MediaMarkt / bol.com titles, Grainger / Fastenal / McMaster-Carr / DLA ECAT MRO lines, Premier and Intalere contract files, VA FSS / ECMS, NHS Scotland / Wales, HealthPRO and Mohawk Medbuy, PBS, NAPPI, GeM, IMSS, NMPA, RESAH, Consip, Z-Index, Belgian, Finnish and Swiss hospital catalogues, kit lists, instrument trays, dental and laboratory manufacturer catalogues; suppliers as PeopleSoft 40-character vendor names, Amazon Business sellers, p-card statements, EDI 810 remit-to parties, GPO contract files, D&B family trees, Secretary-of-State foreign qualifications, diversity lists, SHAB, EUDAMED, bill-of-lading shippers, MDEL, EDINET, KIND, Chinese / Taiwanese, South Asian, Latin American, Israeli and Turkish registers; facilities as HCRIS subprovider units, CMS IRF / IPF / hospice lists, stroke-centre lists, ranking names, location finders, FHIR Location exports, NCPDP, payer directories, GLEIF, OSM and Korean, Chinese, South-East Asian, South Asian, Latin American, Gulf, Central European and Portuguese lists)',
  },
  {
    directory: HOLDOUT10_CORPUS_DIRECTORY,
    sealed: false,
    title:
      "TENTH HELD-OUT CORPUS (test/fixtures/match-eval-holdout10: written blind to the rules in session 12 and measured sealed then; opened for tuning in session 13, so development figures since: items as Home Depot / Lowe's / Best Buy / Target titles, AliExpress / Alibaba keyword titles, Mercado Libre / Rakuten / Flipkart titles, Open Food Facts names, PriceRunner / idealo price-comparison names, DailyMed, FDA recall and IFU titles, dm+d AMP, AMT, Canadian DIN, EUDAMED, MEDIS, CATMAT, OR pick lists, ICU order sets, a tall-man formulary, OCR'd invoices and a 40-character item master; suppliers as USPTO assignees, ClinicalTrials.gov sponsors, FDA MAUDE / recall firms, TED and national tender winners, UK / Australian / Canadian procurement, trade-show exhibitors, AP OCR and typing errors, e-mail domains, LinkedIn / Crunchbase and regional names; facilities as HIFLD, UB-04 / 837, ClinicalTrials.gov sites, Google Maps, Wikipedia, CLIA, MQSA, DEA, HL7 MSH-4, DHIS2, African master facility lists, ERN members, paper affiliations and Japanese, Turkish, Iranian, Greek, Ukrainian, Canadian French, Australian and TPA lists)",
  },
  {
    directory: HOLDOUT11_CORPUS_DIRECTORY,
    sealed: false,
    title:
      'ELEVENTH HELD-OUT CORPUS (test/fixtures/match-eval-holdout11: written blind to the rules in session 13 and measured sealed then; opened for tuning in session 14, so development figures since; its conventions are listed in docs/MATCHING.md)',
  },
  {
    directory: HOLDOUT12_CORPUS_DIRECTORY,
    sealed: false,
    title:
      'TWELFTH HELD-OUT CORPUS (test/fixtures/match-eval-holdout12: written blind to the rules in session 14 and measured sealed then; opened for tuning in session 15, so development figures since; its conventions are listed in docs/MATCHING.md)',
  },
  {
    directory: HOLDOUT13_CORPUS_DIRECTORY,
    sealed: false,
    title:
      'THIRTEENTH HELD-OUT CORPUS (test/fixtures/match-eval-holdout13: written blind to the rules in session 15 and measured sealed then; opened for tuning in session 16, so development figures since; its conventions are listed in docs/MATCHING.md)',
  },
  {
    directory: HOLDOUT14_CORPUS_DIRECTORY,
    sealed: false,
    title:
      'FOURTEENTH HELD-OUT CORPUS (test/fixtures/match-eval-holdout14: written blind to the rules in session 16 and measured sealed then; opened for tuning in session 17, so development figures since; its conventions are listed in docs/MATCHING.md)',
  },
  {
    directory: HOLDOUT15_CORPUS_DIRECTORY,
    sealed: false,
    title:
      'FIFTEENTH HELD-OUT CORPUS (test/fixtures/match-eval-holdout15: written blind to the rules in session 17 and measured sealed then; opened for tuning in session 18, so development figures since; its conventions are listed in docs/MATCHING.md)',
  },
  {
    directory: HOLDOUT16_CORPUS_DIRECTORY,
    sealed: false,
    title:
      'SIXTEENTH HELD-OUT CORPUS (test/fixtures/match-eval-holdout16: written blind to the rules in session 18 and measured sealed then; opened for tuning in session 19, so development figures since; its conventions are listed in docs/MATCHING.md)',
  },
  {
    directory: HOLDOUT17_CORPUS_DIRECTORY,
    sealed: false,
    title:
      'SEVENTEENTH HELD-OUT CORPUS (test/fixtures/match-eval-holdout17: written blind to the rules in session 19 and measured sealed then; opened for tuning in session 20, so development figures since; its conventions are listed in docs/MATCHING.md)',
  },
  {
    directory: HOLDOUT18_CORPUS_DIRECTORY,
    sealed: false,
    title:
      'EIGHTEENTH HELD-OUT CORPUS (test/fixtures/match-eval-holdout18: written blind to the rules in session 20 and measured sealed then; opened for tuning in session 21, so development figures since; its conventions are listed in docs/MATCHING.md)',
  },
  {
    directory: HOLDOUT19_CORPUS_DIRECTORY,
    sealed: false,
    title:
      'NINETEENTH HELD-OUT CORPUS (test/fixtures/match-eval-holdout19: written blind to the rules in session 21 and measured sealed then; opened for tuning in session 22, so development figures since; its conventions are listed in docs/MATCHING.md)',
  },
  {
    directory: HOLDOUT20_CORPUS_DIRECTORY,
    sealed: false,
    title:
      'TWENTIETH HELD-OUT CORPUS (test/fixtures/match-eval-holdout20: written blind to the rules in session 22 and measured sealed then; opened for tuning in session 23, so development figures since; its conventions are listed in docs/MATCHING.md)',
  },
  {
    directory: HOLDOUT21_CORPUS_DIRECTORY,
    sealed: false,
    title:
      'TWENTY-FIRST HELD-OUT CORPUS (test/fixtures/match-eval-holdout21: written blind to the rules in session 23 and measured sealed then; opened for tuning in session 24, so development figures since; its conventions are listed in docs/MATCHING.md)',
  },
  {
    directory: HOLDOUT22_CORPUS_DIRECTORY,
    sealed: false,
    title:
      'TWENTY-SECOND HELD-OUT CORPUS (test/fixtures/match-eval-holdout22: written blind to the rules in session 24 and measured sealed then; opened for tuning in session 25, so development figures since; its conventions are listed in docs/MATCHING.md)',
  },
  {
    directory: HOLDOUT23_CORPUS_DIRECTORY,
    sealed: false,
    title:
      'TWENTY-THIRD HELD-OUT CORPUS (test/fixtures/match-eval-holdout23: written blind to the rules in session 25 and measured sealed then; opened for tuning in session 26, so development figures since; its conventions are listed in docs/MATCHING.md)',
  },
  {
    directory: HOLDOUT24_CORPUS_DIRECTORY,
    sealed: false,
    title:
      'TWENTY-FOURTH HELD-OUT CORPUS (test/fixtures/match-eval-holdout24: written blind to the rules in session 26 and measured sealed then; opened for tuning in session 27, so development figures since; its conventions are listed in docs/MATCHING.md)',
  },
  {
    directory: HOLDOUT25_CORPUS_DIRECTORY,
    sealed: false,
    title:
      'TWENTY-FIFTH HELD-OUT CORPUS (test/fixtures/match-eval-holdout25: written blind to the rules in session 27 and measured sealed then; opened for tuning in session 28, so development figures since; its conventions are listed in docs/MATCHING.md)',
  },
  {
    directory: HOLDOUT26_CORPUS_DIRECTORY,
    sealed: false,
    title:
      'TWENTY-SIXTH HELD-OUT CORPUS (test/fixtures/match-eval-holdout26: written blind to the rules in session 28 and measured sealed then; opened for tuning in session 29, so development figures since; its conventions are listed in docs/MATCHING.md)',
  },
  {
    directory: HOLDOUT27_CORPUS_DIRECTORY,
    sealed: false,
    title:
      'TWENTY-SEVENTH HELD-OUT CORPUS (test/fixtures/match-eval-holdout27: written blind to the rules in session 29 and measured sealed then; opened for tuning in session 30, so development figures since; its conventions are listed in docs/MATCHING.md)',
  },
  {
    directory: HOLDOUT28_CORPUS_DIRECTORY,
    sealed: false,
    title:
      'TWENTY-EIGHTH HELD-OUT CORPUS (test/fixtures/match-eval-holdout28: written blind to the rules in session 30 and measured sealed then; opened for tuning in session 31, so development figures since; its conventions are listed in docs/MATCHING.md)',
  },
  {
    directory: HOLDOUT29_CORPUS_DIRECTORY,
    sealed: false,
    title:
      'TWENTY-NINTH HELD-OUT CORPUS (test/fixtures/match-eval-holdout29: written blind to the rules in session 31 and measured sealed then; opened for tuning in session 32, so development figures since; its conventions are listed in docs/MATCHING.md)',
  },
  {
    directory: HOLDOUT30_CORPUS_DIRECTORY,
    sealed: true,
    title:
      'THIRTIETH HELD-OUT CORPUS (test/fixtures/match-eval-holdout30, SEALED: written blind to the rules in session 32, never tuned on, not part of --holdout; its conventions are listed in docs/MATCHING.md)',
  },
];

/** The held-out corpora open for tuning, in the order they were written (`--holdout`); a sealed corpus is never among them. */
export const OPENED_HOLDOUT_DIRECTORIES: readonly string[] = HELD_OUT_CORPORA.filter((corpus) => !corpus.sealed).map(
  (corpus) => corpus.directory,
);

/** Domains that have a corpus file in `directory`. */
export function corpusDomainsIn(directory: string): string[] {
  return CORPUS_DOMAINS.filter((domain) => existsSync(`${directory}${domain}.json`));
}

/** Reads one domain's corpus file. */
export function readCorpus(domain: string, directory: string = CORPUS_DIRECTORY): EvaluationCorpus {
  return JSON.parse(readFileSync(`${directory}${domain}.json`, 'utf8')) as EvaluationCorpus;
}

/** Order-free key of a record pair. */
export function pairKey(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

/** Every pair of records with the same entity, as pair keys. */
export function truePairs(corpus: EvaluationCorpus): Set<string> {
  const byEntity = new Map<string, string[]>();
  for (const record of corpus.records) byEntity.set(record.entity, [...(byEntity.get(record.entity) ?? []), record.id]);
  const pairs = new Set<string>();
  for (const ids of byEntity.values())
    for (let i = 0; i < ids.length; i++)
      for (let j = i + 1; j < ids.length; j++) pairs.add(pairKey(present(ids[i], 'ids[i]'), present(ids[j], 'ids[j]')));
  return pairs;
}

/** Well-formedness problems (empty = well-formed): unique ids and source ids, hard negatives naming existing records of different entities, no duplicate hard negative. */
export function corpusProblems(corpus: EvaluationCorpus, expectedDomain: string): string[] {
  const problems: string[] = [];
  if (corpus.domain !== expectedDomain) problems.push(`domain is "${corpus.domain}", expected "${expectedDomain}"`);
  if (!corpus.provenance) problems.push('provenance is empty');
  const byId = new Map<string, CorpusRecord>();
  const sourceIds = new Set<string>();
  for (const record of corpus.records) {
    if (byId.has(record.id)) problems.push(`record id "${record.id}" is used twice`);
    byId.set(record.id, record);
    if (!record.source || !record.entity) problems.push(`record "${record.id}" lacks a source or an entity`);
    if (typeof record.record?.sourceId !== 'string' || record.record.sourceId === '')
      problems.push(`record "${record.id}" lacks record.sourceId`);
    const sourceKey = `${record.source}\u0000${record.record?.sourceId}`;
    if (sourceIds.has(sourceKey)) problems.push(`source id "${record.record.sourceId}" is used twice in source "${record.source}"`);
    sourceIds.add(sourceKey);
  }
  const seen = new Set<string>();
  for (const negative of corpus.hardNegatives) {
    const a = byId.get(negative.a);
    const b = byId.get(negative.b);
    if (!a) problems.push(`hard negative names a missing record "${negative.a}"`);
    if (!b) problems.push(`hard negative names a missing record "${negative.b}"`);
    if (a && b && a.entity === b.entity) problems.push(`hard negative ${negative.a} / ${negative.b} has one entity "${a.entity}"`);
    if (!negative.differs) problems.push(`hard negative ${negative.a} / ${negative.b} does not say what differs`);
    const key = pairKey(negative.a, negative.b);
    if (seen.has(key)) problems.push(`hard negative ${negative.a} / ${negative.b} is listed twice`);
    seen.add(key);
  }
  return problems;
}

/** Labelled pairs: true pairs + hard negatives. */
export function labelledPairCount(corpus: EvaluationCorpus): number {
  return truePairs(corpus).size + corpus.hardNegatives.length;
}

/** Hard negatives per `differs` kind. */
export function hardNegativeKinds(corpus: EvaluationCorpus): Map<string, number> {
  const kinds = new Map<string, number>();
  for (const negative of corpus.hardNegatives) kinds.set(negative.differs, (kinds.get(negative.differs) ?? 0) + 1);
  return kinds;
}
