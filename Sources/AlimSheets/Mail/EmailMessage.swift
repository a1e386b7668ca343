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

    /// The complete message, CRLF line ends.
    public func encoded() -> Data {
        let boundary = "=_alim_" + messageID.filter { $0.isLetter || $0.isNumber }
        var m = ""
        m += "From: \(Self.clean(from))\r\n"
        m += "To: \(MIMEEncoding.headerValue(Self.clean(toName))) <\(Self.clean(to))>\r\n"
        m += "Subject: \(MIMEEncoding.headerValue(Self.clean(subject)))\r\n"
        m += "Date: \(MIMEEncoding.date(date))\r\n"
        m += "Message-ID: <\(messageID)>\r\n"
        m += "MIME-Version: 1.0\r\n"
        m += "Content-Type: multipart/mixed; boundary=\"\(boundary)\"\r\n"
        m += "\r\n"
        m += "Message au format MIME.\r\n"
        m += "--\(boundary)\r\n"
        m += "Content-Type: text/plain; charset=UTF-8\r\n"
        m += "Content-Transfer-Encoding: quoted-printable\r\n"
        m += "\r\n"
        m += MIMEEncoding.quotedPrintable(body) + "\r\n"
        m += "--\(boundary)\r\n"
        Self.pdfPart(&m, name: attachmentName, base64: MIMEEncoding.base64Lines(attachment))
        for shared in sharedAttachments {
            m += "--\(boundary)\r\n"
            Self.pdfPart(&m, name: shared.name, base64: shared.base64)
        }
        m += "--\(boundary)--\r\n"
        return Data(m.utf8)
    }

    private static func pdfPart(_ m: inout String, name: String, base64: String) {
        m += "Content-Type: application/pdf; name=\"\(name)\"\r\n"
        m += "Content-Disposition: attachment; filename=\"\(name)\"\r\n"
        m += "Content-Transfer-Encoding: base64\r\n"
        m += "\r\n"
        m += base64 + "\r\n"
    }

    /// A deterministic Message-ID: run day, school, login, at the sender's domain.
    static func messageID(date: RunDate, uai: UAI, login: String, from: String) -> String {
        let domain = from.split(separator: "@").last.map(String.init)?.filter { $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" }
        let local = login.unicodeScalars.filter { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "." || $0 == "-" || $0 == "_") }
        return "fiche.\(date.year)\(String(format: "%02d%02d", date.month, date.day)).\(uai.value).\(String(String.UnicodeScalarView(local)))@\(domain?.isEmpty == false ? domain! : "alim.invalid")"
    }

    /// Header values never carry line breaks (header injection from a name or a config value).
    private static func clean(_ s: String) -> String {
        s.replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ")
    }
}
