/// How a framework's Python API (or the ONNX helper) writes values and extra operations: the
/// spelling the text and Markdown writers print.
enum PythonSpelling {
    /// `stride=(2, 2)`, `padding='same'`, `padding=[(1, 2)]`, `transpose_kernel=True`.
    static func argument(_ argument: KeywordArgument, _ framework: Framework) -> String {
        "\(argument.name)=\(value(argument.value, framework))"
    }

    /// A value: tuples for PyTorch and Keras (as their documentation writes them), lists for
    /// the others; strings quoted; `True`/`False`/`None`.
    static func value(_ value: KeywordValue, _ framework: Framework) -> String {
        switch value {
        case .string(let text): return "'\(text)'"
        case .bool(let flag): return flag ? "True" : "False"
        case .none: return "None"
        case .integers(let values):
            let inner = values.map(String.init).joined(separator: ", ")
            if framework == .pytorch || framework == .keras {
                return values.count == 1 ? "(\(inner),)" : "(\(inner))"
            }
            return "[\(inner)]"
        case .pairs(let pairs):
            let open = framework == .jax ? "(" : "["
            let close = framework == .jax ? ")" : "]"
            return "["
                + pairs.map { "\(open)\($0.map(String.init).joined(separator: ", "))\(close)" }
                .joined(separator: ", ") + "]"
        }
    }

    /// The call: `torch.nn.ConvTranspose2d(stride=(2, 2), …)`.
    static func call(_ layer: FrameworkLayer, rank: Int) -> String {
        let name = layer.framework.operationName(direction: layer.direction, rank: rank)
        let arguments = layer.keywordArguments.map { item -> String in
            // conv_general_dilated calls its strides window_strides (the JSON keeps the
            // contract's `strides`).
            if case .jax = layer, layer.direction == .forward, item.name == "strides" {
                return argument(KeywordArgument("window_strides", item.value), layer.framework)
            }
            // tf.nn.conv1d calls its strides stride.
            if case .tensorflow = layer, layer.direction == .forward, rank == 1,
                item.name == "strides"
            {
                return argument(KeywordArgument("stride", item.value), layer.framework)
            }
            return argument(item, layer.framework)
        }
        return "\(name)(\(arguments.joined(separator: ", ")))"
    }

    /// The extra operations in the framework's own terms, one phrase each.
    static func extras(_ extras: ExtraOperations, _ framework: Framework) -> [String] {
        var phrases: [String] = []
        let rank = extras.prePad.count
        if extras.flipKernel {
            let axes = (0..<rank).map { String($0 + 2) }.joined(separator: ", ")
            switch framework {
            case .pytorch:
                phrases.append(
                    "flip the kernel first: w = torch.flip(w, dims=(\(axes)\(rank == 1 ? "," : "")))"
                )
            case .tensorflow, .keras:
                phrases.append(
                    "flip the kernel's spatial axes first: w = w[\(String(repeating: "::-1, ", count: rank))...]"
                )
            case .jax: phrases.append("flip the kernel's spatial axes first (jnp.flip)")
            case .onnx: phrases.append("store the kernel with its spatial axes reversed")
            }
        }
        if extras.hasPrePad {
            let pairs = extras.prePad.map { "(\($0.before), \($0.after))" }
            switch framework {
            case .pytorch:
                let reversed = extras.prePad.reversed().map { "\($0.before), \($0.after)" }
                phrases.append(
                    "pad first: x = torch.nn.functional.pad(x, (\(reversed.joined(separator: ", "))))"
                )
            case .tensorflow:
                phrases.append(
                    "pad first: x = tf.pad(x, [[0, 0], \(extras.prePad.map { "[\($0.before), \($0.after)]" }.joined(separator: ", ")), [0, 0]])"
                )
            case .keras:
                let argument = rank == 1 ? pairs[0] : "(\(pairs.joined(separator: ", ")))"
                phrases.append("pad first: keras.layers.ZeroPadding\(rank)D(padding=\(argument))")
            case .jax:
                phrases.append(
                    "pad first: x = jnp.pad(x, [(0, 0), (0, 0), \(pairs.joined(separator: ", "))])  (N, C, spatial axes)"
                )
            case .onnx:
                let begins = [0, 0] + extras.prePad.map(\.before)
                let ends = [0, 0] + extras.prePad.map(\.after)
                phrases.append(
                    "pad first: a Pad node with pads=[\((begins + ends).map(String.init).joined(separator: ", "))]"
                )
            }
        }
        if extras.hasPostCrop {
            let slices = extras.postCrop.map {
                $0.total == 0 ? ":" : "\($0.before):\($0.after == 0 ? "" : "-\($0.after)")"
            }
            switch framework {
            case .pytorch, .jax:
                phrases.append("crop after: y = y[:, :, \(slices.joined(separator: ", "))]")
            case .tensorflow:
                phrases.append("crop after: y = y[:, \(slices.joined(separator: ", ")), :]")
            case .keras:
                let pairs = extras.postCrop.map { "(\($0.before), \($0.after))" }
                let argument = rank == 1 ? pairs[0] : "(\(pairs.joined(separator: ", ")))"
                phrases.append("crop after: keras.layers.Cropping\(rank)D(cropping=\(argument))")
            case .onnx:
                let starts = extras.postCrop.map { String($0.before) }
                let ends = extras.postCrop.map { "-\($0.after)" }
                phrases.append(
                    "crop after: a Slice node with starts=[\(starts.joined(separator: ", "))], ends=[\(ends.map { $0 == "-0" ? "INT64_MAX" : $0 }.joined(separator: ", "))] on the spatial axes"
                )
            }
        }
        return phrases
    }
}
