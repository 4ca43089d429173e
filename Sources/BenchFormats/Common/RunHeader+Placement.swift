extension RunHeader {
    /// Where the run's nodes ran (`run.config.placement`: `in-process`, `process-per-node`,
    /// `netns`, `kubernetes`, `external`). Runs written before the field existed say it through
    /// `process_model`; nil when neither is there (another harness's file).
    public var placement: String? {
        if case let .string(placement)? = config["placement"] { return placement }
        if case let .string(model)? = config["process_model"] { return model }
        return nil
    }
}
