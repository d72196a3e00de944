// Starts Swagger UI from the settings the page embeds; kept out of the page so that a strict
// Content-Security-Policy (no inline script) works.
(function () {
  var config = JSON.parse(document.getElementById("swagger-settings").textContent);
  config.presets = [SwaggerUIBundle.presets.apis];
  config.layout = "BaseLayout";
  window.ui = SwaggerUIBundle(config);
})();
