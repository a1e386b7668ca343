/// The fields Alim reads from AAF `attr` elements, whatever the attribute's spelling.
enum AAFField: UInt8, Sendable, Hashable {
    case joinKey, lastName, birthName, firstName, otherFirstNames, birthDate, ine, civility, sex
    case structure, classes, level, mefCode, mefLabel, relations, parentalAuthority, children
    case address, postalCode, city, country, email, phoneHome, phoneWork, phoneMobile
    case structureJoin, structureUAI, structureName
}

/// The one table from AAF attribute names (2D LDAP-style and 1D `ENTPerson…` names) to fields.
///
/// A new spelling in a future AAF version is one line here. When two spellings of one field are
/// present, the first non-empty one read wins.
enum AAFAttributes {
    static let fieldByName: [String: AAFField] = [
        "ENTPersonJointure": .joinKey,
        "sn": .lastName, "ENTPersonNom": .lastName,
        "ENTPersonNomPatro": .birthName,
        "givenName": .firstName, "ENTPersonPrenom": .firstName,
        "ENTPersonAutresPrenoms": .otherFirstNames,
        "ENTPersonDateNaissance": .birthDate,
        "ENTEleveINE": .ine,
        "personalTitle": .civility, "ENTPersonCivilite": .civility,
        "ENTPersonSexe": .sex,
        "ENTPersonStructRattach": .structure,
        "ENTEleveClasses": .classes, "ENTPersonClasses": .classes,
        "ENTEleveNivFormation": .level, "ENTEleveNiveau": .level,
        "ENTEleveMEF": .mefCode, "ENTEleveLibelleMEF": .mefLabel,
        "ENTElevePersRelEleve": .relations,
        "ENTEleveAutoriteParentale": .parentalAuthority,
        "ENTAuxPersRelEleveEleve": .children,
        "ENTPersonAdresse": .address, "ENTPersonCodePostal": .postalCode, "ENTPersonVille": .city, "ENTPersonPays": .country,
        "mail": .email, "ENTPersonMail": .email,
        "homePhone": .phoneHome, "ENTPersonTelPerso": .phoneHome,
        "telephoneNumber": .phoneWork, "ENTPersRelEleveTelPro": .phoneWork,
        "mobile": .phoneMobile, "ENTPersonTelPortable": .phoneMobile, "ENTPersRelEleveTelMobile": .phoneMobile,
        "ENTStructureJointure": .structureJoin,
        "ENTStructureUAI": .structureUAI, "ENTEtablissementUAI": .structureUAI,
        "ENTStructureNomCourant": .structureName,
    ]

    /// Names only the 1D (primary) AAF uses for people: their presence hints `.primary` when no level says.
    static let firstDegreeNames: Set<String> = ["ENTPersonNom", "ENTPersonPrenom", "ENTPersonClasses", "ENTEleveNiveau"]

    /// `fieldByName` as a byte table, so `attr name` values are matched without decoding them:
    /// `entries[i]` is the field of `table` index `i` and whether that spelling is 1D-only.
    static let (table, entries): (XMLByteTable, [(field: AAFField, firstDegree: Bool)]) = {
        let names = fieldByName.keys.sorted()
        return (XMLByteTable(names), names.map { (fieldByName[$0]!, firstDegreeNames.contains($0)) })
    }()

    /// `categoriePersonne` / `categorieStructure` values Alim turns into data; any other category is skipped.
    static let pupilCategory = "Eleve"
    static let guardianCategory = "PersRelEleve"
    static let structureCategory = "EtabEducNat"
}

/// One `ENTElevePersRelEleve` value: `id$lien$financier$legal$contact$paiement`.
struct AAFRelation: Sendable, Equatable {
    var guardianId: String
    var relationship: String?
    var role: LinkRole

    /// A legal guardian named by `ENTEleveAutoriteParentale` (what `id$relationship$0$1$0$0` parses to).
    init?(legalGuardian id: String, relationship: String?) {
        let trimmed = id.xmlTrimmed
        guard !trimmed.isEmpty else { return nil }
        guardianId = trimmed
        self.relationship = relationship?.xmlTrimmed.isEmpty == false ? relationship?.xmlTrimmed : nil
        role = .legal
    }

    /// legal flag 1 or 2 (responsable légal 1/2) → legal; else contact flag → contact; else financial → in charge.
    init?(packed: String) {
        // Split on `$` over UTF-8 without building a String per part: only id and relationship are kept.
        var parts: [Substring] = []
        parts.reserveCapacity(6)
        var start = packed.startIndex
        for i in packed.utf8.indices where packed.utf8[i] == UInt8(ascii: "$") {
            parts.append(packed[start..<i])
            start = packed.utf8.index(after: i)
        }
        parts.append(packed[start...])
        func part(_ i: Int) -> String? {
            guard i < parts.count else { return nil }
            let t = parts[i].xmlTrimmed
            return t.isEmpty ? nil : t
        }
        guard let id = part(0) else { return nil }
        guardianId = id
        relationship = part(1)
        if let legal = part(3), legal != "0", XMLValues.bool(legal) != false {
            role = .legal
        } else if XMLValues.bool(part(4)) == true {
            role = .contact
        } else if XMLValues.bool(part(2)) == true {
            role = .inCharge
        } else {
            role = .contact
        }
    }
}

import AlimCore
import Foundation
