import ExporterRuntime

extension Tool {
    /// The demo's tools: deterministic in-memory stand-ins for an order system, a weather service, a currency
    /// converter and a warehouse (whose Berlin site is down, so that one call fails).
    public static let demoTools: [Tool] = [lookupOrder, weather, convertCurrency, checkInventory, searchCatalog]

    /// `lookup_order(order_id)`: an order's status.
    public static let lookupOrder = Tool(name: "lookup_order", summary: "Find an order by its id") { arguments in
        let id = try arguments.string("order_id", tool: "lookup_order")
        return ["order_id": .string(id), "status": "shipped", "carrier": "DHL", "eta": "2026-12-02"]
    }

    /// `get_weather(city)`: the forecast for a city.
    public static let weather = Tool(name: "get_weather", summary: "Today's forecast for a city") { arguments in
        let city = try arguments.string("city", tool: "get_weather")
        return ["city": .string(city), "forecast": "light snow", "high_c": -1, "low_c": -6]
    }

    /// `convert_currency(amount, from, to)`: a conversion at a fixed rate table.
    public static let convertCurrency = Tool(name: "convert_currency", summary: "Convert an amount") { arguments in
        let rates: [String: Double] = ["EUR": 1.0, "NOK": 11.72, "USD": 1.06]
        guard let amount = arguments["amount"]?.doubleValue else {
            throw ToolError.invalidArgument(tool: "convert_currency", argument: "amount")
        }
        let from = try arguments.string("from", tool: "convert_currency")
        let to = try arguments.string("to", tool: "convert_currency")
        guard let fromRate = rates[from] else {
            throw ToolError.invalidArgument(tool: "convert_currency", argument: "from")
        }
        guard let toRate = rates[to] else { throw ToolError.invalidArgument(tool: "convert_currency", argument: "to") }
        let converted = (amount / fromRate * toRate * 100).rounded() / 100
        return ["amount": .double(converted), "currency": .string(to), "rate": .double(toRate / fromRate)]
    }

    /// `check_inventory(sku, warehouse)`: stock at one warehouse; the Berlin warehouse is down.
    public static let checkInventory = Tool(name: "check_inventory", summary: "Stock of a SKU at a warehouse") {
        arguments in
        let sku = try arguments.string("sku", tool: "check_inventory")
        let warehouse = try arguments.string("warehouse", tool: "check_inventory")
        if warehouse == "berlin" { throw ToolError.serviceUnavailable(service: "warehouse-berlin") }
        return ["sku": .string(sku), "warehouse": .string(warehouse), "in_stock": 12]
    }

    /// `search_catalog(query)`: matching products across all warehouses.
    public static let searchCatalog = Tool(name: "search_catalog", summary: "Search the product catalog") {
        arguments in
        let query = try arguments.string("query", tool: "search_catalog")
        return [
            "query": .string(query),
            "results": [["sku": "SKU-9", "name": "Trail boots", "in_stock": 31, "ships_from": "hamburg"]],
        ]
    }
}

extension JSONObject {
    /// The string argument `key`, or ``ToolError/invalidArgument(tool:argument:)``.
    func string(_ key: String, tool: String) throws -> String {
        guard let value = self[key]?.stringValue else { throw ToolError.invalidArgument(tool: tool, argument: key) }
        return value
    }
}
