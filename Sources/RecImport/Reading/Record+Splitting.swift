extension Record {
    /// Appends the fields of `line`, split at every occurrence of `separator` (one or two bytes).
    /// - Complexity: O(line length).
    mutating func appendFields(of line: UnsafeBufferPointer<UInt8>, separatedBy separator: [UInt8]) {
        let first = separator[0]
        let width = separator.count
        var fieldStart = 0
        var index = 0
        while index < line.count {
            if line[index] == first, width == 1 || (index + 1 < line.count && line[index + 1] == separator[1]) {
                appendField(UnsafeBufferPointer(rebasing: line[fieldStart..<index]))
                index += width
                fieldStart = index
            } else {
                index += 1
            }
        }
        appendField(UnsafeBufferPointer(rebasing: line[fieldStart..<line.count]))
    }

    /// Parses `line` as (the next part of) an RFC 4180 row: fields separated by commas, optionally in double
    /// quotes with `""` standing for one quote. A quote inside an unquoted field is kept as text.
    /// - Returns: `false` when a quoted field stays open at the end of the line: the row continues on the
    ///   next line, and the line break (as `\n`) belongs to the field.
    /// - Complexity: O(line length).
    mutating func appendCSV(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ",")
        var index = 0
        while index < line.count {
            if isInQuotes {
                var runEnd = index
                while runEnd < line.count, line[runEnd] != quote { runEnd += 1 }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: line[index..<runEnd]))
                index = runEnd
                guard index < line.count else { break }
                if index + 1 < line.count, line[index + 1] == quote {
                    bytes.append(quote)
                    index += 2
                } else {
                    isInQuotes = false
                    index += 1
                }
            } else if line[index] == comma {
                closeOpenField()
                index += 1
            } else if line[index] == quote, bytes.count == openFieldStart {
                isInQuotes = true
                index += 1
            } else {
                var runEnd = index + 1
                while runEnd < line.count, line[runEnd] != comma, line[runEnd] != quote { runEnd += 1 }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: line[index..<runEnd]))
                index = runEnd
            }
        }
        if isInQuotes {
            bytes.append(UInt8(ascii: "\n"))
            return false
        }
        closeOpenField()
        return true
    }

    /// Ends the CSV field being read and opens the next one.
    private mutating func closeOpenField() {
        starts.append(openFieldStart)
        ends.append(bytes.count)
        openFieldStart = bytes.count
    }
}
