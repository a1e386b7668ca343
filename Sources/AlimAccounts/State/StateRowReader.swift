import AlimCore
import Foundation
import GRDB

/// One row of a state table, read strictly: a NULL where a value is required, a value of the wrong
/// type, an enumeration value this binary does not know or a JSON column that does not decode is an
/// `AccountsError.damagedState` naming the table, the row and the column, never a default (a damaged
/// `auth` must not turn an account into a local one).
///
/// The accounts and persons rows gather columns and child tables (`links`, `person_keys`) and keep
/// their own Codable form for the run's base snapshot, so they are read column by column here rather
/// than through GRDB's Codable records.
struct StateRowReader {
    let row: Row
    let table: String
    let idColumns: [String]
    /// Column name → position, built once per query (`columns(of:)`): GRDB's lookup by name folds case
    /// at every call, which was a tenth of loading a département's state.
    let columns: [String: Int]

    init(_ row: Row, table: String, idColumns: [String], columns: [String: Int]) {
        self.row = row
        self.table = table
        self.idColumns = idColumns
        self.columns = columns
    }

    /// The positions of a query's columns, for every row of it.
    static func columns(of row: Row) -> [String: Int] {
        Dictionary(row.columnNames.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// The column's value; a column the query does not have reads as NULL (and fails as such where required).
    private func raw(_ column: String) -> DatabaseValue {
        guard let i = columns[column] else { return .null }
        return row[i] as DatabaseValue
    }

    /// How the error names the row: its id (`O0000001`), or its key columns (built only for an error).
    var rowId: String {
        idColumns.map { column in
            let value = raw(column)
            return Self.describe(value)
        }.joined(separator: "#")
    }

    /// One decoder for every JSON column of a load (a decoder per value costs more than the value).
    private static let decoder = JSONDecoder()

    func damaged(_ column: String) -> AccountsError {
        let value = raw(column)
        return .damagedState(table: table, row: rowId, column: column, value: Self.describe(value))
    }

    /// A required value.
    func value<V: DatabaseValueConvertible>(_ column: String, as type: V.Type = V.self) throws -> V {
        let dbValue = raw(column)
        guard !dbValue.isNull, let value = V.fromDatabaseValue(dbValue) else { throw damaged(column) }
        return value
    }

    /// An optional value: NULL is nil, anything else must have the type.
    func optional<V: DatabaseValueConvertible>(_ column: String, as type: V.Type = V.self) throws -> V? {
        let dbValue = raw(column)
        if dbValue.isNull { return nil }
        guard let value = V.fromDatabaseValue(dbValue) else { throw damaged(column) }
        return value
    }

    /// One of an enumeration's raw values.
    func choice<E: RawRepresentable>(_ column: String, as type: E.Type = E.self) throws -> E where E.RawValue == String {
        guard let value = E(rawValue: try self.value(column, as: String.self)) else { throw damaged(column) }
        return value
    }

    /// One of an enumeration's raw values, or NULL.
    func optionalChoice<E: RawRepresentable>(_ column: String, as type: E.Type = E.self) throws -> E? where E.RawValue == String {
        guard let raw = try optional(column, as: String.self) else { return nil }
        guard let value = E(rawValue: raw) else { throw damaged(column) }
        return value
    }

    /// A list of strings written by `JSONColumnEncoder` (read without a general decoder when it can).
    func strings(_ column: String) throws -> [String] {
        let text = try value(column, as: String.self)
        if let fast = JSONColumnParser.strings(text) { return fast }
        return try json(column)
    }

    /// A list of schools; a value that is no UAI is the row's damage, as through the decoder.
    func uais(_ column: String) throws -> [UAI] {
        let text = try value(column, as: String.self)
        if let fast = JSONColumnParser.strings(text) {
            let uais = fast.compactMap { UAI($0) }
            if uais.count == fast.count { return uais }
        }
        return try json(column)
    }

    /// A list of record references (`[{"file":…,"ref":…}]`).
    func refs(_ column: String) throws -> [RecordRef] {
        let text = try value(column, as: String.self)
        if let fast = JSONColumnParser.refs(text) { return fast }
        return try json(column)
    }

    /// A JSON text column.
    func json<T: Decodable>(_ column: String, as type: T.Type = T.self) throws -> T {
        let text = try value(column, as: String.self)
        do {
            return try Self.decoder.decode(T.self, from: Data(text.utf8))
        } catch {
            throw damaged(column)
        }
    }

    /// A value as the operator would see it in `sqlite3`, shortened.
    static func describe(_ value: DatabaseValue) -> String {
        switch value.storage {
        case .null: return "NULL"
        case let .int64(i): return String(i)
        case let .double(d): return String(d)
        case let .string(s): return s.count > 60 ? String(s.prefix(60)) + "…" : s
        case let .blob(b): return "<\(b.count) octets>"
        }
    }
}
