// Starts the vendored Swagger UI on our own /openapi.json. A file, not an inline script, so the
// documentation page keeps a Content-Security-Policy without 'unsafe-inline' for scripts.
window.addEventListener("load", function () {
  var element = document.getElementById("swagger-ui");
  window.ui = SwaggerUIBundle({
    url: element.getAttribute("data-openapi"),
    dom_id: "#swagger-ui",
    validatorUrl: null,
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis],
    layout: "BaseLayout"
  });
});
