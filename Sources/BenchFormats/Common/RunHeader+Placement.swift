extension RunHeader {
    /// Where the run's nodes ran (`run.config.placement`: `in-process`, `process-per-node`,
    /// `netns`, `kubernetes`, `external`, or `mixed` when its scenarios placed them differently).
    /// Runs written before the field existed say it through `process_model`; nil when neither is
    /// there (another harness's file).
    public var placement: String? {
        if case let .string(placement)? = config["placement"] { return placement }
        if case let .string(model)? = config["process_model"] { return model }
        return nil
    }

    /// Where `scenario`'s nodes ran: its entry in `run.config.scenario_placements`, else the run's
    /// placement (unless that is `mixed`, which says nothing about one scenario).
    public func placement(ofScenario scenario: String) -> String? {
        if case let .object(placements)? = config["scenario_placements"],
            case let .string(placement)? = placements[scenario]
        {
            return placement
        }
        return placement == "mixed" ? nil : placement
    }
}
