// The shared messages of `common/v1/common.proto` and `resource/v1/resource.proto`, field by field.
extension OTLPJSONEncoder {
    func write(_ resource: OTLPResource, to writer: inout OTLPJSONWriter) {
        writer.beginObject()
        writeAttributes(resource.attributes, droppedCount: resource.droppedAttributesCount, to: &writer)
        if !resource.entityRefs.isEmpty {
            writer.key("entityRefs")
            writer.beginArray()
            for entityRef in resource.entityRefs { write(entityRef, to: &writer) }
            writer.endArray()
        }
        writer.endObject()
    }

    func write(_ scope: OTLPInstrumentationScope, to writer: inout OTLPJSONWriter) {
        writer.beginObject()
        if !scope.name.isEmpty {
            writer.key("name")
            writer.string(scope.name)
        }
        if !scope.version.isEmpty {
            writer.key("version")
            writer.string(scope.version)
        }
        writeAttributes(scope.attributes, droppedCount: scope.droppedAttributesCount, to: &writer)
        writer.endObject()
    }

    func write(_ entityRef: Opentelemetry_Proto_Common_V1_EntityRef, to writer: inout OTLPJSONWriter) {
        writer.beginObject()
        if !entityRef.schemaURL.isEmpty {
            writer.key("schemaUrl")
            writer.string(entityRef.schemaURL)
        }
        if !entityRef.type.isEmpty {
            writer.key("type")
            writer.string(entityRef.type)
        }
        writeStrings(entityRef.idKeys, key: "idKeys", to: &writer)
        writeStrings(entityRef.descriptionKeys, key: "descriptionKeys", to: &writer)
        writer.endObject()
    }

    /// `attributes` and `droppedAttributesCount`, which every attributed message carries as a pair.
    func writeAttributes(_ attributes: [OTLPKeyValue], droppedCount: UInt32, to writer: inout OTLPJSONWriter) {
        if !attributes.isEmpty {
            writer.key("attributes")
            writeKeyValues(attributes, to: &writer)
        }
        if droppedCount != 0 {
            writer.key("droppedAttributesCount")
            writer.number(Int64(droppedCount))
        }
    }

    func writeKeyValues(_ keyValues: [OTLPKeyValue], to writer: inout OTLPJSONWriter) {
        writer.beginArray()
        for keyValue in keyValues { write(keyValue, to: &writer) }
        writer.endArray()
    }

    func write(_ keyValue: OTLPKeyValue, to writer: inout OTLPJSONWriter) {
        writer.beginObject()
        if !keyValue.key.isEmpty {
            writer.key("key")
            writer.string(keyValue.key)
        }
        if keyValue.hasValue {
            writer.key("value")
            write(keyValue.value, to: &writer)
        }
        if keyValue.keyStrindex != 0 {
            writer.key("keyStrindex")
            writer.number(Int64(keyValue.keyStrindex))
        }
        writer.endObject()
    }

    /// The set `oneof` member, even when it holds its type's default (`{"intValue":"0"}`): the member's presence is
    /// the value's type.
    func write(_ anyValue: OTLPAnyValue, to writer: inout OTLPJSONWriter) {
        writer.beginObject()
        switch anyValue.value {
        case .stringValue(let string):
            writer.key("stringValue")
            writer.string(string)
        case .boolValue(let bool):
            writer.key("boolValue")
            writer.bool(bool)
        case .intValue(let int):
            writer.key("intValue")
            writer.quotedDecimal(int)
        case .doubleValue(let double):
            writer.key("doubleValue")
            writer.double(double)
        case .arrayValue(let array):
            writer.key("arrayValue")
            writer.beginObject()
            if !array.values.isEmpty {
                writer.key("values")
                writer.beginArray()
                for value in array.values { write(value, to: &writer) }
                writer.endArray()
            }
            writer.endObject()
        case .kvlistValue(let list):
            writer.key("kvlistValue")
            writer.beginObject()
            if !list.values.isEmpty {
                writer.key("values")
                writeKeyValues(list.values, to: &writer)
            }
            writer.endObject()
        case .bytesValue(let bytes):
            writer.key("bytesValue")
            writer.base64(bytes)
        case .stringValueStrindex(let index):
            writer.key("stringValueStrindex")
            writer.number(Int64(index))
        case nil:
            break
        }
        writer.endObject()
    }

    private func writeStrings(_ strings: [String], key: StaticString, to writer: inout OTLPJSONWriter) {
        guard !strings.isEmpty else { return }
        writer.key(key)
        writer.beginArray()
        for string in strings { writer.string(string) }
        writer.endArray()
    }
}
