export const id = 166;
export const ids = [166];
export const modules = {

/***/ 93166:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ asDirectoryPrefix),
/* harmony export */   accessForSources: () => (/* binding */ accessForSources)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);

const GLOB_CHARACTERS = /[*?[{]/;
/** The folder a glob can match in: the path up to the component holding the first glob character. */
function globRoot(pattern) {
    const parts = node_path__WEBPACK_IMPORTED_MODULE_0__.resolve(pattern).split(node_path__WEBPACK_IMPORTED_MODULE_0__.sep);
    const firstGlob = parts.findIndex((part) => GLOB_CHARACTERS.test(part));
    return parts.slice(0, firstGlob).join(node_path__WEBPACK_IMPORTED_MODULE_0__.sep) || node_path__WEBPACK_IMPORTED_MODULE_0__.sep;
}
/** The access a set of source paths (files or globs) needs. */
function accessForSources(sources) {
    const files = [];
    const directories = [];
    for (const source of sources) {
        if (GLOB_CHARACTERS.test(source))
            directories.push(globRoot(source));
        else
            files.push(node_path__WEBPACK_IMPORTED_MODULE_0__.resolve(source));
    }
    return { files, directories };
}
/** DuckDB treats an allowed directory as a prefix of the path: end it with a separator so `/data` does not allow `/data-secret`. */
function asDirectoryPrefix(directory) {
    const resolved = node_path__WEBPACK_IMPORTED_MODULE_0__.resolve(directory);
    return resolved.endsWith(node_path__WEBPACK_IMPORTED_MODULE_0__.sep) ? resolved : `${resolved}${node_path__WEBPACK_IMPORTED_MODULE_0__.sep}`;
}
//# sourceMappingURL=file-access.js.map

/***/ })

};
