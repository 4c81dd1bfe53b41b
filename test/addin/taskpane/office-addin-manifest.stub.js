// office-addin-mock needs only the OfficeApp enum from office-addin-manifest, whose own
// dependencies are ES modules that jest (on Node 20) cannot require. jest maps the package here.
module.exports = {
  OfficeApp: { Excel: 'excel', OneNote: 'onenote', Outlook: 'outlook', PowerPoint: 'powerpoint', Project: 'project', Word: 'word' },
};
