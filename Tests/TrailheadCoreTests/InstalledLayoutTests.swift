import Testing
import TrailheadCore

/// Layers of an installed release: the account that installed Trailhead is trusted, and the
/// release's own trees are read once even when its share/ is on XDG_DATA_DIRS.
struct InstalledLayoutTests {
    @Test func theOwnerOfTheBinaryIsTrustedLikeRoot() {
        let rule = DirectoryRule.trusted(userID: 1000, installer: 950)
        #expect(rule.refusal(owner: 950, writableByOthers: false) == nil)
        #expect(rule.refusal(owner: 0, writableByOthers: false) == nil)
        #expect(rule.refusal(owner: 1000, writableByOthers: false) == nil)
        #expect(rule.refusal(owner: 4242, writableByOthers: false) == "it belongs to another user (uid 4242)")
        #expect(rule.refusal(owner: 950, writableByOthers: true) == "other users can write to it (chmod go-w to trust it)")
        #expect(DirectoryRule.trusted(userID: 1000).refusal(owner: 950, writableByOthers: false) == "it belongs to another user (uid 950)")
    }

    @Test func theBundledTreesAreNotAlsoASiteLayer() {
        let bundled = "/opt/trailhead/share/trailhead/trees"
        let environment = ["HOME": "/home/ana", "XDG_DATA_DIRS": "/opt/trailhead/share/://opt/trailhead//share:/usr/share"]
        let sources = TreeSources.standard(explicit: [], environment: environment, bundled: bundled)
        #expect(sources.sources.map(\.path) == [
            "/home/ana/.config/trailhead/trees", "/etc/xdg/trailhead/trees", "/usr/share/trailhead/trees", bundled,
        ])
        #expect(sources.sources.last?.layer == "bundled")
    }
}
