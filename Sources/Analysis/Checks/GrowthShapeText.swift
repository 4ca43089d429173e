import Statistics
import Units

/// The words hop linearity and scaling use for a growth-shape decision, so both checks say the
/// same thing the same way: the decision (`GrowthModelComparison.shape`), the J-test
/// behind it, and which two-parameter curve fits better as a description only.
enum GrowthShapeText {
    static func describe(_ fit: GrowthModelComparison, alpha: Double, xName: String, unit: String) -> String {
        let rmse =
            "linear RMSE \(NumberText.short(fit.linearRMSE)), exponential RMSE \(NumberText.short(fit.exponentialRMSE)) \(unit)"
        guard let j = fit.exponentialJTest else {
            if fit.shape(alpha: alpha) == .linear {
                return "the exponential fit is itself a straight line here, so linear growth is not rejected (\(rmse))"
            }
            return
                "\(fit.linear.count) \(xName) values leave no degree of freedom to judge a bend by, so linear and exponential growth cannot be told apart here (\(rmse); a closer fit of one two-parameter curve decides nothing)"
        }
        let test =
            "J-test of the line against the exponential θ = \(NumberText.short(j.coefficient)) (\(j.degreesOfFreedom) df, p \(ChangeRule.formatRelation(j.pValue)), α = \(ChangeRule.formatP(alpha)))"
        switch fit.shape(alpha: alpha) {
        case .undecided, .linear:
            return "the exponential's bend is within the scatter: \(test), so linear growth is not rejected (\(rmse))"
        case .fasterThanLinear:
            return "grows faster than linearly, as exponential growth would: \(test) (\(rmse))"
        case .slowerThanLinear:
            return "grows more slowly than linearly (saturating): \(test) (\(rmse))"
        }
    }
}
