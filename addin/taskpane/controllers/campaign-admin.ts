// The place for the county's campaign administration (issue 9: create and edit a campaign, the
// roster, invitation links, 派发表). It is not built yet: the county-scoped API it needs is
// being written. When it lands it follows the other controllers:
//   - a slice `admin` in state.ts (the campaign list, the form's verdict, busy flags);
//   - `class CampaignAdminController { constructor(store, deps, session, onAuthLost) }` with one
//     method per button, each through `runAction` with its verdict beside that button;
//   - new ServerApi methods in ports.ts (and ApiClient), faked in its unit tests;
//   - a view in views/ subscribed to the store, wired in taskpane.ts.
// Nothing else changes: connection, check-upload and county-review stay as they are.
export {};
