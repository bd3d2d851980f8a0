extension Navigator {
    /// Starts using a command: straight away when it has no placeholders, else by asking for each.
    mutating func use(commandAt index: Int, of key: NodeKey, for purpose: PlaceholderForm.Purpose) -> NavigatorEffect? {
        guard let command = catalog.node(key)?.resource?.commands[index] else { return nil }
        // Refused before any field is asked for, so nobody fills in a form for nothing.
        if let problem = PlaceholderFilling.problem(with: command) {
            state.status = PlaceholderFilling.describe(problem)
            return nil
        }
        var values: [String: String] = [:]
        var refused: (step: Int, value: String, problem: PlaceholderFilling.Problem)?
        for (step, placeholder) in command.placeholders.enumerated() {
            guard let value = prefilled[placeholder.name] else { continue }
            if let problem = PlaceholderFilling.problem(with: value, for: placeholder) {
                // A value given with --set that does not fit is asked for again, with the reason.
                if refused == nil { refused = (step, value, problem) }
            } else {
                values[placeholder.name] = value
            }
        }
        if let refused {
            var form = PlaceholderForm(node: key, commandIndex: index, purpose: purpose, input: refused.value)
            form.values = values
            form.step = refused.step
            form.error = PlaceholderFilling.describe(refused.problem)
            state.form = form
            return nil
        }
        if let next = command.placeholders.firstIndex(where: { values[$0.name] == nil }) {
            var form = PlaceholderForm(node: key, commandIndex: index, purpose: purpose, input: command.placeholders[next].defaultValue ?? "")
            form.values = values
            form.step = next
            state.form = form
            return nil
        }
        return finish(command, values: values, purpose: purpose)
    }

    /// The placeholder the form is asking for, with its command.
    public var formPlaceholder: (command: Command, placeholder: Placeholder)? {
        guard let form = state.form, let command = catalog.node(form.node)?.resource?.commands[form.commandIndex],
              command.placeholders.indices.contains(form.step) else { return nil }
        return (command, command.placeholders[form.step])
    }

    mutating func handleForm(_ action: Action) -> NavigatorEffect? {
        guard var form = state.form, let (command, placeholder) = formPlaceholder else {
            state.form = nil
            return nil
        }
        form.error = nil
        switch action {
        case .type(let text):
            form.input += text
        case .deleteBackward:
            if !form.input.isEmpty { form.input.removeLast() }
        case .deleteWord:
            while form.input.last == " " { form.input.removeLast() }
            while let last = form.input.last, last != " " { form.input.removeLast() }
        case .clearInput:
            form.input = ""
        case .closeOverlay, .back:
            state.form = nil
            state.status = "Cancelled"
            return nil
        case .choose:
            if let problem = PlaceholderFilling.problem(with: form.input, for: placeholder) {
                form.error = PlaceholderFilling.describe(problem)
                break
            }
            form.values[placeholder.name] = form.input
            if let next = command.placeholders.indices.first(where: { form.values[command.placeholders[$0].name] == nil }) {
                form.step = next
                form.input = command.placeholders[next].defaultValue ?? ""
            } else {
                state.form = nil
                return finish(command, values: form.values, purpose: form.purpose)
            }
        default:
            break
        }
        state.form = form
        return nil
    }

    private mutating func finish(_ command: Command, values: [String: String], purpose: PlaceholderForm.Purpose) -> NavigatorEffect? {
        switch PlaceholderFilling.fill(command, values: values) {
        case .failure(let problem):
            state.status = PlaceholderFilling.describe(problem)
            return nil
        case .success(let filled):
            switch purpose {
            case .print: return .quit(status: 0, output: state.printOnExit + [filled])
            case .copy: return .copy(filled, what: "Command")
            }
        }
    }
}
