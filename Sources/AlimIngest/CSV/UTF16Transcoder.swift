/// Turns a UTF-16 file (LE or BE, with its byte-order mark) into UTF-8 bytes, once, so that the
/// byte-level parser, which reads only 8-bit text, reads it unchanged.
///
/// A spreadsheet that re-saves a valid ONDE export as « texte Unicode » writes UTF-16 LE with a
/// BOM. Only these files pay for the copy: 8-bit and UTF-8 files never come here. Lines and
/// character columns are the same in both encodings (a surrogate pair is one character), so a
/// place the parser reports later on the UTF-8 bytes is right for the file on disk too.
///
/// A damaged file (odd byte count, unpaired surrogate, NUL character) is refused whole with its
/// line and column: decoding it with replacement characters would import mangled names.
enum UTF16Transcoder {
    /// The byte order announced by a UTF-16 BOM, or nil when the bytes do not start with one.
    static func bigEndian(_ bytes: [UInt8]) -> Bool? {
        guard bytes.count >= 2 else { return nil }
        if bytes[0] == 0xFF && bytes[1] == 0xFE { return false }
        if bytes[0] == 0xFE && bytes[1] == 0xFF { return true }
        return nil
    }

    /// The UTF-8 form of everything after the BOM (valid UTF-8, no BOM, no NUL byte).
    static func transcode(_ bytes: [UInt8], bigEndian: Bool) throws -> [UInt8] {
        var out: [UInt8] = []
        // ASCII text halves; only text above U+07FF grows (two bytes become three).
        out.reserveCapacity(bytes.count / 2 + bytes.count / 8)
        try bytes.withUnsafeBufferPointer { buf in
            let n = buf.count
            @inline(__always) func unit(_ k: Int) -> UInt32 {
                bigEndian ? UInt32(buf[k]) << 8 | UInt32(buf[k + 1]) : UInt32(buf[k + 1]) << 8 | UInt32(buf[k])
            }
            var i = 2
            var line = 1
            var column = 1
            while i + 1 < n {
                let u = unit(i)
                if u < 0x80 {
                    if u == 0 {
                        throw CSVRefusal(line: line, column: column, "Fichier refusé : il contient des caractères nuls "
                            + "(ligne \(line), colonne \(column)), ce n'est pas un fichier texte CSV.")
                    }
                    out.append(UInt8(u))
                    i += 2
                    if u == 0x0A { line += 1; column = 1 } else { column += 1 }
                    continue
                }
                var scalar = u
                if u >= 0xD800 && u <= 0xDFFF {
                    let low = u <= 0xDBFF && i + 3 < n ? unit(i + 2) : 0
                    guard low >= 0xDC00 && low <= 0xDFFF else { throw unpaired(line: line, column: column) }
                    scalar = 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00)
                    i += 2
                }
                if scalar < 0x800 {
                    out.append(UInt8(0xC0 | (scalar >> 6)))
                } else if scalar < 0x10000 {
                    out.append(UInt8(0xE0 | (scalar >> 12)))
                    out.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
                } else {
                    out.append(UInt8(0xF0 | (scalar >> 18)))
                    out.append(UInt8(0x80 | ((scalar >> 12) & 0x3F)))
                    out.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
                }
                out.append(UInt8(0x80 | (scalar & 0x3F)))
                i += 2
                column += 1
            }
            if i < n {
                throw CSVRefusal(line: line, column: column, "Fichier refusé : ce fichier encodé en UTF-16 est tronqué, "
                    + "son dernier caractère est incomplet (ligne \(line), colonne \(column)). "
                    + "Réenregistrez-le ou refaites l'export depuis ONDE.")
            }
        }
        return out
    }

    private static func unpaired(line: Int, column: Int) -> CSVRefusal {
        CSVRefusal(line: line, column: column, "Fichier refusé : ce fichier encodé en UTF-16 est abîmé, il contient "
            + "un caractère invalide à la ligne \(line), colonne \(column) (demi-paire de substitution isolée). "
            + "Réenregistrez-le ou refaites l'export depuis ONDE.")
    }
}
