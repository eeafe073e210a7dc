// Records Content-Security-Policy violations for the test to read.
window.cspViolations = [];
document.addEventListener('securitypolicyviolation', (e) => window.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
