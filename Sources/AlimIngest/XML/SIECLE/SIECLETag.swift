/// Every SIECLE BEE element and attribute name Alim reads; the case names are the XML spellings.
///
/// A tag not listed here is walked over by the stream without being decoded. Adding a field means
/// adding its tag here and reading it in `SIECLEHandler`.
enum SIECLETag: Int16, XMLTag {
    // Records.
    case PARAMETRES, ELEVE, PERSONNE, RESPONSABLE_ELEVE, ADRESSE, STRUCTURES_ELEVE
    // Children.
    case UAJ, STRUCTURE, TYPE_STRUCTURE, CODE_STRUCTURE
    case ELEVE_ID, PERSONNE_ID, ADRESSE_ID
    case NOM_DE_FAMILLE, NOM, NOM_USAGE, PRENOM, PRENOM2, PRENOM3, LC_CIVILITE
    case ID_NATIONAL, INE_RNIE, DATE_NAISS, CODE_SEXE, CODE_MEF, LIB_MEF, MEF, DATE_SORTIE
    case MEL, TEL_PERSONNEL, TEL_PORTABLE, TEL_PROFESSIONNEL
    case NIVEAU_RESPONSABILITE, RESP_LEGAL, CODE_PARENTE
    case LIGNE1_ADRESSE, LIGNE2_ADRESSE, LIGNE3_ADRESSE, LIGNE4_ADRESSE, CODE_POSTAL
    case LIBELLE_POSTAL, LL_COMMUNE_INSEE, COMMUNE_ETRANGERE, LL_PAYS

    /// Last names in order of preference: `NOM_DE_FAMILLE` (since 2016), the older `NOM`, then `NOM_USAGE`.
    static let lastNames: [SIECLETag] = [.NOM_DE_FAMILLE, .NOM, .NOM_USAGE]
    static let nationalIds: [SIECLETag] = [.ID_NATIONAL, .INE_RNIE]
    static let mefLabels: [SIECLETag] = [.LIB_MEF, .MEF]
    static let addressLines: [SIECLETag] = [.LIGNE1_ADRESSE, .LIGNE2_ADRESSE, .LIGNE3_ADRESSE, .LIGNE4_ADRESSE]
    static let cities: [SIECLETag] = [.LIBELLE_POSTAL, .LL_COMMUNE_INSEE, .COMMUNE_ETRANGERE]
    static let names = xmlNames
}
