import AlimCore
import Foundation

/// One RFC 5322 message with a PDF attached, ready for the school's mail tool (.eml).
///
/// Alim does not send mail: the director (or the département's mailer) sends these files, so they
/// must open in any client. Every header is derived from the run date and the account, so a rerun
/// gives the same bytes and the same Message-ID (a resend is recognisable as the same message).
public struct EmailMessage: Sendable {
    public var from: String
    public var to: String
    public var toName: String
    public var subject: String
    public var date: RunDate
    public var messageID: String
    public var body: String
    public var attachmentName: String
    public var attachment: Data
    /// Further PDFs shared by many messages (the documents to sign), base64-encoded once per school.
    public var sharedAttachments: [EncodedAttachment] = []

    /// A PDF attachment already in base64 lines: the charte and the autorisation are the same for
    /// every family of a school, so they are encoded once and copied into each message.
    public struct EncodedAttachment: Sendable {
        public var name: String
        public var base64: String
        public init(name: String, pdf: Data) {
            self.name = name
            self.base64 = MIMEEncoding.base64Lines(pdf)
        }
    }

    /// The complete message, CRLF line ends. Built as bytes: the attachments are most of it.
    public func encoded() -> Data {
        let boundary = "=_alim_" + messageID.filter { $0.isLetter || $0.isNumber }
        var head = ""
        head += "From: \(Self.clean(from))\r\n"
        head += "To: \(MIMEEncoding.headerValue(Self.clean(toName))) <\(Self.clean(to))>\r\n"
        head += "Subject: \(MIMEEncoding.headerValue(Self.clean(subject)))\r\n"
        head += "Date: \(MIMEEncoding.date(date))\r\n"
        head += "Message-ID: <\(messageID)>\r\n"
        head += "MIME-Version: 1.0\r\n"
        head += "Content-Type: multipart/mixed; boundary=\"\(boundary)\"\r\n"
        head += "\r\n"
        head += "Message au format MIME.\r\n"
        head += "--\(boundary)\r\n"
        head += "Content-Type: text/plain; charset=UTF-8\r\n"
        head += "Content-Transfer-Encoding: quoted-printable\r\n"
        head += "\r\n"
        var m = Data()
        let ownAttachment = MIMEEncoding.base64Lines(attachment)
        m.reserveCapacity(head.utf8.count + 2 * body.utf8.count + ownAttachment.utf8.count
                          + sharedAttachments.reduce(0) { $0 + $1.base64.utf8.count } + 1024)
        m.append(contentsOf: head.utf8)
        m.append(contentsOf: MIMEEncoding.quotedPrintable(body).utf8)
        m.append(contentsOf: "\r\n--\(boundary)\r\n".utf8)
        Self.pdfPart(&m, name: attachmentName, base64: ownAttachment)
        for shared in sharedAttachments {
            m.append(contentsOf: "--\(boundary)\r\n".utf8)
            Self.pdfPart(&m, name: shared.name, base64: shared.base64)
        }
        m.append(contentsOf: "--\(boundary)--\r\n".utf8)
        return m
    }

    private static func pdfPart(_ m: inout Data, name: String, base64: String) {
        m.append(contentsOf: """
            Content-Type: application/pdf; name="\(name)"\r
            Content-Disposition: attachment; filename="\(name)"\r
            Content-Transfer-Encoding: base64\r
            \r

            """.utf8)
        m.append(contentsOf: base64.utf8)
        m.append(contentsOf: "\r\n".utf8)
    }

    /// A deterministic Message-ID: run day, school, login, at the sender's domain.
    static func messageID(date: RunDate, uai: UAI, login: String, from: String) -> String {
        let domain = from.split(separator: "@").last.map(String.init)?.filter { $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" }
        let local = login.unicodeScalars.filter { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "." || $0 == "-" || $0 == "_") }
        return "fiche.\(date.year)\(String(format: "%02d%02d", date.month, date.day)).\(uai.value).\(String(String.UnicodeScalarView(local)))@\(domain?.isEmpty == false ? domain! : "alim.invalid")"
    }

    /// Header values never carry line breaks (header injection from a name or a config value).
    private static func clean(_ s: String) -> String {
        guard s.utf8.contains(where: { $0 == 13 || $0 == 10 }) else { return s }
        return s.replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ")
    }
}
