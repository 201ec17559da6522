// MARK: - HTML character references

/// Decodes HTML character references: `&amp;`, `&nbsp;`, `&#8217;`, `&#x2019;`, and the named
/// references news pages use (HTML's full list has 2,231; these are the ones that carry text in
/// articles: punctuation, quotes, dashes, spaces, currency, accented Latin letters, arrows).
///
/// Numeric references follow the HTML rules: 0, surrogates and numbers past U+10FFFF become
/// U+FFFD, and 0x80–0x9F are read as Windows-1252 (`&#150;` is an en dash), as browsers do. An
/// unknown name is left as written.
enum HTMLEntities {
    /// The reference starting at `start` (an `&`): the scalars it stands for and the index after
    /// it; `nil` when it is not one. `inAttribute`: a legacy name without `;` counts only
    /// outside attribute values (`href="?a=1&copy=2"` keeps its `&copy`).
    static func decode(_ source: [Unicode.Scalar], at start: Int, inAttribute: Bool = false) -> ([Unicode.Scalar], Int)? {
        let end = source.count
        var k = start + 1
        guard k < end else { return nil }
        if source[k] == "#" {
            k += 1
            var hex = false
            if k < end, source[k] == "x" || source[k] == "X" {
                hex = true
                k += 1
            }
            var value: UInt32 = 0
            var digits = 0
            while k < end, let digit = Self.digit(source[k], hex: hex) {
                if value < 0x110000 { value = value * (hex ? 16 : 10) + digit }
                digits += 1
                k += 1
            }
            guard digits > 0 else { return nil }
            if k < end, source[k] == ";" { k += 1 }
            return ([Self.scalar(forCode: value)], k)
        }
        var name = ""
        while k < end, k - start <= 32, source[k].properties.isASCIIHexDigit || (source[k].value < 0x80 && source[k].properties.isAlphabetic) {
            name.unicodeScalars.append(source[k])
            k += 1
        }
        guard !name.isEmpty else { return nil }
        if k < end, source[k] == ";" {
            guard let value = named[name] else { return nil }
            return (value.unicodeScalars.map { $0 }, k + 1)
        }
        // Without ";": only the legacy names, and not before "=" or a letter in an attribute.
        guard let value = named[name], legacy.contains(name) else { return nil }
        if inAttribute, k < end, source[k] == "=" || source[k].properties.isAlphabetic { return nil }
        return (value.unicodeScalars.map { $0 }, k)
    }

    static func digit(_ scalar: Unicode.Scalar, hex: Bool) -> UInt32? {
        switch scalar.value {
        case 0x30...0x39: return scalar.value - 0x30
        case 0x41...0x46 where hex: return scalar.value - 0x41 + 10
        case 0x61...0x66 where hex: return scalar.value - 0x61 + 10
        default: return nil
        }
    }

    static func scalar(forCode code: UInt32) -> Unicode.Scalar {
        if (0x80...0x9F).contains(code), let mapped = windows1252[code] { return mapped }
        if code == 0 || code > 0x10FFFF { return "\u{FFFD}" }
        return Unicode.Scalar(code) ?? "\u{FFFD}"
    }

    /// HTML's reading of 0x80–0x9F as Windows-1252.
    static let windows1252: [UInt32: Unicode.Scalar] = [
        0x80: "\u{20AC}", 0x82: "\u{201A}", 0x83: "\u{0192}", 0x84: "\u{201E}", 0x85: "\u{2026}", 0x86: "\u{2020}", 0x87: "\u{2021}",
        0x88: "\u{02C6}", 0x89: "\u{2030}", 0x8A: "\u{0160}", 0x8B: "\u{2039}", 0x8C: "\u{0152}", 0x8E: "\u{017D}", 0x91: "\u{2018}",
        0x92: "\u{2019}", 0x93: "\u{201C}", 0x94: "\u{201D}", 0x95: "\u{2022}", 0x96: "\u{2013}", 0x97: "\u{2014}", 0x98: "\u{02DC}",
        0x99: "\u{2122}", 0x9A: "\u{0161}", 0x9B: "\u{203A}", 0x9C: "\u{0153}", 0x9E: "\u{017E}", 0x9F: "\u{0178}",
    ]

    /// Names browsers accept without the `;`.
    static let legacy: Set<String> = ["amp", "lt", "gt", "quot", "nbsp", "copy", "reg", "AMP", "LT", "GT", "QUOT", "COPY", "REG"]

    static let named: [String: String] = [
        "amp": "&", "AMP": "&", "lt": "<", "LT": "<", "gt": ">", "GT": ">", "quot": "\"", "QUOT": "\"", "apos": "'",
        "nbsp": "\u{A0}", "ensp": "\u{2002}", "emsp": "\u{2003}", "thinsp": "\u{2009}", "hairsp": "\u{200A}", "zwsp": "\u{200B}",
        "zwnj": "\u{200C}", "zwj": "\u{200D}", "shy": "\u{AD}", "NewLine": "\n", "Tab": "\t",
        "ndash": "–", "mdash": "—", "horbar": "―", "hyphen": "‐", "minus": "−", "dash": "‐",
        "lsquo": "‘", "rsquo": "’", "sbquo": "‚", "ldquo": "“", "rdquo": "”", "bdquo": "„", "laquo": "«", "raquo": "»",
        "lsaquo": "‹", "rsaquo": "›", "prime": "′", "Prime": "″",
        "hellip": "…", "middot": "·", "bull": "•", "centerdot": "·", "sdot": "⋅", "dagger": "†", "Dagger": "‡",
        "sect": "§", "para": "¶", "copy": "©", "COPY": "©", "reg": "®", "REG": "®", "trade": "™", "deg": "°", "permil": "‰",
        "pct": "%", "percnt": "%", "num": "#", "dollar": "$", "cent": "¢", "pound": "£", "yen": "¥", "euro": "€", "curren": "¤",
        "times": "×", "divide": "÷", "plusmn": "±", "frac12": "½", "frac14": "¼", "frac34": "¾", "sup1": "¹", "sup2": "²", "sup3": "³",
        "micro": "µ", "ordf": "ª", "ordm": "º", "not": "¬", "iexcl": "¡", "iquest": "¿", "brvbar": "¦", "uml": "¨", "acute": "´",
        "cedil": "¸", "macr": "¯", "colon": ":", "comma": ",", "period": ".", "semi": ";", "excl": "!", "quest": "?",
        "lpar": "(", "rpar": ")", "lsqb": "[", "rsqb": "]", "lbrack": "[", "rbrack": "]", "lcub": "{", "rcub": "}", "sol": "/",
        "bsol": "\\", "ast": "*", "plus": "+", "equals": "=", "commat": "@", "lowbar": "_", "verbar": "|", "vert": "|", "grave": "`",
        "larr": "←", "rarr": "→", "uarr": "↑", "darr": "↓", "harr": "↔", "loz": "◊", "spades": "♠", "clubs": "♣", "hearts": "♥",
        "diams": "♦", "blacktriangledown": "▾", "blacktriangle": "▴", "check": "✓", "cross": "✗", "star": "☆", "starf": "★",
        "Agrave": "À", "Aacute": "Á", "Acirc": "Â", "Atilde": "Ã", "Auml": "Ä", "Aring": "Å", "AElig": "Æ", "Ccedil": "Ç",
        "Egrave": "È", "Eacute": "É", "Ecirc": "Ê", "Euml": "Ë", "Igrave": "Ì", "Iacute": "Í", "Icirc": "Î", "Iuml": "Ï",
        "ETH": "Ð", "Ntilde": "Ñ", "Ograve": "Ò", "Oacute": "Ó", "Ocirc": "Ô", "Otilde": "Õ", "Ouml": "Ö", "Oslash": "Ø",
        "Ugrave": "Ù", "Uacute": "Ú", "Ucirc": "Û", "Uuml": "Ü", "Yacute": "Ý", "THORN": "Þ", "szlig": "ß",
        "agrave": "à", "aacute": "á", "acirc": "â", "atilde": "ã", "auml": "ä", "aring": "å", "aelig": "æ", "ccedil": "ç",
        "egrave": "è", "eacute": "é", "ecirc": "ê", "euml": "ë", "igrave": "ì", "iacute": "í", "icirc": "î", "iuml": "ï",
        "eth": "ð", "ntilde": "ñ", "ograve": "ò", "oacute": "ó", "ocirc": "ô", "otilde": "õ", "ouml": "ö", "oslash": "ø",
        "ugrave": "ù", "uacute": "ú", "ucirc": "û", "uuml": "ü", "yacute": "ý", "thorn": "þ", "yuml": "ÿ",
        "OElig": "Œ", "oelig": "œ", "Scaron": "Š", "scaron": "š", "Yuml": "Ÿ", "fnof": "ƒ", "circ": "ˆ", "tilde": "˜",
        "Alpha": "Α", "Beta": "Β", "Gamma": "Γ", "Delta": "Δ", "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ",
        "mu": "μ", "pi": "π", "sigma": "σ", "Sigma": "Σ", "Omega": "Ω", "omega": "ω",
    ]
}
