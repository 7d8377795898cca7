#!/usr/bin/env node
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 940:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Argument = void 0;
class Argument {
    constructor(value, range) {
        this.value = value;
        this.range = range;
    }
    toString() {
        return this.value;
    }
    getRange() {
        return this.range;
    }
    getValue() {
        return this.value;
    }
    isAfter(position) {
        if (this.range.end.line < position.line) {
            return false;
        }
        return this.range.start.line > position.line ? true : this.range.start.character > position.character;
    }
    isBefore(position) {
        if (this.range.start.line < position.line) {
            return true;
        }
        return this.range.end.line > position.line ? false : this.range.end.character < position.character;
    }
}
exports.Argument = Argument;


/***/ }),

/***/ 22:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Comment = void 0;
const vscode_languageserver_types_1 = __nccwpck_require__(612);
const line_1 = __nccwpck_require__(5);
const util_1 = __nccwpck_require__(459);
class Comment extends line_1.Line {
    constructor(document, range) {
        super(document, range);
    }
    toString() {
        const content = this.getContent();
        if (content) {
            return "# " + content;
        }
        return "#";
    }
    /**
     * Returns the content of this comment. This excludes leading and
     * trailing whitespace as well as the # symbol. If the comment only
     * consists of whitespace, the empty string will be returned.
     */
    getContent() {
        let range = this.getContentRange();
        if (range === null) {
            return "";
        }
        return this.document.getText().substring(this.document.offsetAt(range.start), this.document.offsetAt(range.end));
    }
    /**
     * Returns a range that includes the content of the comment
     * excluding any leading and trailing whitespace as well as the #
     * symbol. May return null if the comment only consists of whitespace
     * characters.
     */
    getContentRange() {
        let range = this.getRange();
        const startOffset = this.document.offsetAt(range.start);
        let raw = this.document.getText().substring(startOffset, this.document.offsetAt(range.end));
        let start = -1;
        let end = -1;
        // skip the first # symbol
        for (let i = 1; i < raw.length; i++) {
            if (!util_1.Util.isWhitespace(raw.charAt(i))) {
                start = i;
                break;
            }
        }
        if (start === -1) {
            return null;
        }
        // go backwards up to the first # symbol
        for (let i = raw.length - 1; i >= 1; i--) {
            if (!util_1.Util.isWhitespace(raw.charAt(i))) {
                end = i + 1;
                break;
            }
        }
        return vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + start), this.document.positionAt(startOffset + end));
    }
}
exports.Comment = Comment;


/***/ }),

/***/ 933:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

/* --------------------------------------------------------------------------------------------
 * Copyright (c) Remy Suen. All rights reserved.
 * Licensed under the MIT License. See License.txt in the project root for license information.
 * ------------------------------------------------------------------------------------------ */

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Dockerfile = void 0;
const vscode_languageserver_types_1 = __nccwpck_require__(612);
const ast = __nccwpck_require__(390);
const imageTemplate_1 = __nccwpck_require__(520);
const from_1 = __nccwpck_require__(377);
const util_1 = __nccwpck_require__(459);
const main_1 = __nccwpck_require__(390);
class Dockerfile extends imageTemplate_1.ImageTemplate {
    constructor(document) {
        super();
        this.initialInstructions = new imageTemplate_1.ImageTemplate();
        this.buildStages = [];
        this.directives = [];
        /**
         * Whether a FROM instruction has been added to this Dockerfile or not.
         */
        this.foundFrom = false;
        this.document = document;
    }
    getEscapeCharacter() {
        for (const directive of this.directives) {
            if (directive.getDirective() === ast.Directive.escape) {
                const value = directive.getValue();
                if (value === '\\' || value === '`') {
                    return value;
                }
            }
        }
        return '\\';
    }
    getInitialARGs() {
        return this.initialInstructions.getARGs();
    }
    getContainingImage(position) {
        let range = vscode_languageserver_types_1.Range.create(vscode_languageserver_types_1.Position.create(0, 0), this.document.positionAt(this.document.getText().length));
        if (!util_1.Util.isInsideRange(position, range)) {
            // not inside the document, invalid position
            return null;
        }
        if (this.initialInstructions.getComments().length > 0 || this.initialInstructions.getInstructions().length > 0) {
            if (util_1.Util.isInsideRange(position, this.initialInstructions.getRange())) {
                return this.initialInstructions;
            }
        }
        for (const buildStage of this.buildStages) {
            if (util_1.Util.isInsideRange(position, buildStage.getRange())) {
                return buildStage;
            }
        }
        return this;
    }
    addInstruction(instruction) {
        if (instruction.getKeyword() === main_1.Keyword.FROM) {
            this.currentBuildStage = new imageTemplate_1.ImageTemplate();
            this.buildStages.push(this.currentBuildStage);
            this.foundFrom = true;
        }
        else if (!this.foundFrom) {
            this.initialInstructions.addInstruction(instruction);
        }
        if (this.foundFrom) {
            this.currentBuildStage.addInstruction(instruction);
        }
        super.addInstruction(instruction);
    }
    setDirectives(directives) {
        this.directives = directives;
    }
    getDirective() {
        return this.directives.length === 0 ? null : this.directives[0];
    }
    getDirectives() {
        return this.directives;
    }
    resolveVariable(variable, line) {
        for (let from of this.getFROMs()) {
            let range = from.getRange();
            if (range.start.line <= line && line <= range.end.line) {
                // resolve the FROM variable against the initial ARGs
                let initialARGs = new imageTemplate_1.ImageTemplate();
                for (let instruction of this.initialInstructions.getARGs()) {
                    initialARGs.addInstruction(instruction);
                }
                return initialARGs.resolveVariable(variable, line);
            }
        }
        let image = this.getContainingImage(vscode_languageserver_types_1.Position.create(line, 0));
        if (image === null) {
            return undefined;
        }
        let resolvedVariable = image.resolveVariable(variable, line);
        if (resolvedVariable === null) {
            // refers to an uninitialized ARG variable,
            // try resolving it against the initial ARGs then
            let initialARGs = new imageTemplate_1.ImageTemplate();
            for (let instruction of this.initialInstructions.getARGs()) {
                initialARGs.addInstruction(instruction);
            }
            return initialARGs.resolveVariable(variable, line);
        }
        return resolvedVariable;
    }
    getAvailableVariables(currentLine) {
        if (this.getInstructionAt(currentLine) instanceof from_1.From) {
            let variables = [];
            for (let arg of this.getInitialARGs()) {
                let property = arg.getProperty();
                if (property) {
                    variables.push(property.getName());
                }
            }
            return variables;
        }
        let image = this.getContainingImage(vscode_languageserver_types_1.Position.create(currentLine, 0));
        return image ? image.getAvailableVariables(currentLine) : [];
    }
    getParentStage(image) {
        const templateFrom = image.getFROM();
        const imageName = templateFrom === null ? null : templateFrom.getImageName();
        if (imageName === null) {
            return null;
        }
        for (const from of this.getFROMs()) {
            if (from.getBuildStage() === imageName) {
                const range = from.getRange();
                // on the same line then it's an image that shares the name as the build stage
                if (range.start.line === templateFrom.getRange().start.line) {
                    return null;
                }
                return this.getContainingImage(range.start);
            }
        }
        return null;
    }
    getStageHierarchy(line) {
        const image = this.getContainingImage(vscode_languageserver_types_1.Position.create(line, 0));
        if (image === null) {
            return [];
        }
        const stages = [image];
        let stage = this.getParentStage(image);
        while (stage !== null) {
            stages.splice(0, 0, stage);
            stage = this.getParentStage(stage);
        }
        return stages;
    }
    getAvailableWorkingDirectories(line) {
        const availableDirectories = new Set();
        for (const image of this.getStageHierarchy(line)) {
            for (const workdir of image.getWORKDIRs()) {
                if (workdir.getRange().end.line < line) {
                    let directory = workdir.getAbsolutePath();
                    if (directory !== undefined && directory !== null) {
                        if (!directory.endsWith("/")) {
                            directory += "/";
                        }
                        availableDirectories.add(directory);
                    }
                }
            }
        }
        return Array.from(availableDirectories);
    }
    /**
     * Internally reorganize the comments in the Dockerfile and allocate
     * them to the relevant build stages that they belong to.
     */
    organizeComments() {
        const comments = this.getComments();
        for (let i = 0; i < comments.length; i++) {
            if (util_1.Util.isInsideRange(comments[i].getRange().end, this.initialInstructions.getRange())) {
                this.initialInstructions.addComment(comments[i]);
            }
            else {
                for (const buildStage of this.buildStages) {
                    if (util_1.Util.isInsideRange(comments[i].getRange().start, buildStage.getRange())) {
                        buildStage.addComment(comments[i]);
                    }
                }
            }
        }
    }
    getRange() {
        const comments = this.getComments();
        const instructions = this.getInstructions();
        let range = null;
        if (comments.length === 0) {
            if (instructions.length > 0) {
                range = vscode_languageserver_types_1.Range.create(instructions[0].getRange().start, instructions[instructions.length - 1].getRange().end);
            }
        }
        else if (instructions.length === 0) {
            range = vscode_languageserver_types_1.Range.create(comments[0].getRange().start, comments[comments.length - 1].getRange().end);
        }
        else {
            const commentStart = comments[0].getRange().start;
            const commentEnd = comments[comments.length - 1].getRange().end;
            const instructionStart = instructions[0].getRange().start;
            const instructionEnd = instructions[instructions.length - 1].getRange().end;
            if (commentStart.line < instructionStart.line) {
                if (commentEnd.line < instructionEnd.line) {
                    range = vscode_languageserver_types_1.Range.create(commentStart, instructionEnd);
                }
                range = vscode_languageserver_types_1.Range.create(commentStart, commentEnd);
            }
            else if (commentEnd.line < instructionEnd.line) {
                range = vscode_languageserver_types_1.Range.create(instructionStart, instructionEnd);
            }
            else {
                range = vscode_languageserver_types_1.Range.create(instructionStart, commentEnd);
            }
        }
        if (range === null) {
            if (this.directives.length === 0) {
                return null;
            }
            return this.directives[0].getRange();
        }
        else if (this.directives.length === 0) {
            return range;
        }
        return vscode_languageserver_types_1.Range.create(this.directives[0].getRange().start, range.end);
    }
}
exports.Dockerfile = Dockerfile;


/***/ }),

/***/ 77:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Flag = void 0;
const vscode_languageserver_types_1 = __nccwpck_require__(612);
const flagOption_1 = __nccwpck_require__(700);
class Flag {
    constructor(document, range, name, nameRange, value, valueRange) {
        this.options = [];
        this.range = range;
        this.name = name;
        this.nameRange = nameRange;
        this.value = value;
        this.valueRange = valueRange;
        if (this.value !== null) {
            let offset = document.offsetAt(valueRange.start);
            let nameStart = -1;
            let valueStart = -1;
            let hasOptions = false;
            for (let i = 0; i < value.length; i++) {
                switch (value.charAt(i)) {
                    case '=':
                        hasOptions = true;
                        if (valueStart === -1) {
                            valueStart = i + 1;
                            break;
                        }
                        break;
                    case ',':
                        this.options.push(this.createFlagOption(document, value, offset, nameStart, valueStart, i));
                        nameStart = -1;
                        valueStart = -1;
                        break;
                    default:
                        if (nameStart === -1) {
                            nameStart = i;
                        }
                        break;
                }
            }
            if (hasOptions && nameStart !== -1) {
                this.options.push(this.createFlagOption(document, value, offset, nameStart, valueStart, value.length));
            }
        }
    }
    createFlagOption(document, content, documentOffset, nameStart, valueStart, valueEnd) {
        const optionRange = vscode_languageserver_types_1.Range.create(document.positionAt(documentOffset + nameStart), document.positionAt(documentOffset + valueEnd));
        if (valueStart === -1) {
            return new flagOption_1.FlagOption(optionRange, content.substring(nameStart, valueEnd), optionRange, null, null);
        }
        return new flagOption_1.FlagOption(optionRange, content.substring(nameStart, valueStart - 1), vscode_languageserver_types_1.Range.create(document.positionAt(documentOffset + nameStart), document.positionAt(documentOffset + valueStart - 1)), content.substring(valueStart, valueEnd), vscode_languageserver_types_1.Range.create(document.positionAt(documentOffset + valueStart), document.positionAt(documentOffset + valueEnd)));
    }
    toString() {
        if (this.valueRange) {
            return "--" + this.name + "=" + this.value;
        }
        return "--" + this.name;
    }
    /**
     * Returns the range that encompasses this entire flag. This includes the
     * -- prefix in the beginning to the last character of the flag's value (if
     * it has been defined).
     *
     * @return the entire range of this flag
     */
    getRange() {
        return this.range;
    }
    /**
     * Returns the name of this flag. The name does not include the -- prefix.
     * Thus, for HEALTHCHECK's --interval flag, interval is the flag's name and
     * not --interval.
     *
     * @return this flag's name
     */
    getName() {
        return this.name;
    }
    /**
     * Returns the range that encompasses the flag's name
     *
     * @return the range containing the flag's name
     */
    getNameRange() {
        return this.nameRange;
    }
    /**
     * Returns the value that has been set to this flag. May be null if the
     * flag is invalid and has no value set like a --start-period. If the flag
     * is instead a --start-period= with an equals sign then the flag's value
     * is the empty string.
     *
     * @return this flag's value if it has been defined, null otherwise
     */
    getValue() {
        return this.value;
    }
    /**
     * Returns the range that encompasses this flag's value. If no value has
     * been set then null will be returned.
     *
     * @return the range containing this flag's value, or null if the flag
     *         has no value defined
     */
    getValueRange() {
        return this.valueRange;
    }
    getOption(name) {
        for (const option of this.options) {
            if (option.getName() === name) {
                return option;
            }
        }
        return null;
    }
    getOptions() {
        return this.options;
    }
    hasOptions() {
        return this.options.length > 0;
    }
}
exports.Flag = Flag;


/***/ }),

/***/ 700:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.FlagOption = void 0;
class FlagOption {
    constructor(range, name, nameRange, value, valueRange) {
        this.range = range;
        this.name = name;
        this.nameRange = nameRange;
        this.value = value;
        this.valueRange = valueRange;
    }
    toString() {
        if (this.valueRange !== null) {
            return this.name + "=" + this.value;
        }
        return this.name;
    }
    getRange() {
        return this.range;
    }
    getName() {
        return this.name;
    }
    getNameRange() {
        return this.nameRange;
    }
    getValue() {
        return this.value;
    }
    getValueRange() {
        return this.valueRange;
    }
}
exports.FlagOption = FlagOption;


/***/ }),

/***/ 599:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Heredoc = void 0;
/**
 * Heredoc represents a here-document that has been embedded in a
 * Dockerfile.
 *
 * This API is experimental and subject to change.
 */
class Heredoc {
    constructor(startRange, name, nameRange, contentRange, endRange) {
        this.startRange = startRange;
        this.name = name;
        this.nameRange = nameRange;
        this.contentRange = contentRange;
        this.endRange = endRange;
    }
    /**
     * Returns the name of the here-document.
     *
     * This API is experimental and subject to change.
     */
    getName() {
        return this.name;
    }
    /**
     * Returns the range of the start operator and the name. If the
     * here-document is initialized with <<EOT then the start range would
     * encompass all five characters.
     *
     * This API is experimental and subject to change.
     */
    getStartRange() {
        return this.startRange;
    }
    /**
     * Returns the range of this here-document's name that is declared at
     * the beginning of the here-document with the operator. If the
     * here-document is initialized with <<EOT then the name range would
     * encompass the latter three "EOT" characters.
     *
     * This API is experimental and subject to change.
     */
    getNameRange() {
        return this.nameRange;
    }
    /**
     * Returns the range of the content of this here-document. This may
     * be null if the here-document has no content because:
     * - the start range is the only thing that was declared
     * - the end range was declared immediately and there is no content
     *
     * This API is experimental and subject to change.
     */
    getContentRange() {
        return this.contentRange;
    }
    /**
     * Returns the range of the here-document's name on a line that
     * represents the end of the here-document.
     *
     * This API is experimental and subject to change.
     */
    getDelimiterRange() {
        return this.endRange;
    }
}
exports.Heredoc = Heredoc;


/***/ }),

/***/ 520:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

/* --------------------------------------------------------------------------------------------
 * Copyright (c) Remy Suen. All rights reserved.
 * Licensed under the MIT License. See License.txt in the project root for license information.
 * ------------------------------------------------------------------------------------------ */

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.ImageTemplate = void 0;
const vscode_languageserver_types_1 = __nccwpck_require__(612);
const arg_1 = __nccwpck_require__(381);
const cmd_1 = __nccwpck_require__(517);
const copy_1 = __nccwpck_require__(444);
const env_1 = __nccwpck_require__(822);
const entrypoint_1 = __nccwpck_require__(835);
const from_1 = __nccwpck_require__(377);
const healthcheck_1 = __nccwpck_require__(167);
const onbuild_1 = __nccwpck_require__(554);
const util_1 = __nccwpck_require__(459);
const workdir_1 = __nccwpck_require__(529);
class ImageTemplate {
    constructor() {
        this.comments = [];
        this.instructions = [];
    }
    addComment(comment) {
        this.comments.push(comment);
    }
    getComments() {
        return this.comments;
    }
    addInstruction(instruction) {
        this.instructions.push(instruction);
    }
    getInstructions() {
        return this.instructions;
    }
    getInstructionAt(line) {
        for (let instruction of this.instructions) {
            if (util_1.Util.isInsideRange(vscode_languageserver_types_1.Position.create(line, 0), instruction.getRange())) {
                return instruction;
            }
        }
        return null;
    }
    /**
     * Gets all the ARG instructions that are defined in this image.
     */
    getARGs() {
        let args = [];
        for (let instruction of this.instructions) {
            if (instruction instanceof arg_1.Arg) {
                args.push(instruction);
            }
        }
        return args;
    }
    /**
     * Gets all the CMD instructions that are defined in this image.
     */
    getCMDs() {
        let cmds = [];
        for (let instruction of this.instructions) {
            if (instruction instanceof cmd_1.Cmd) {
                cmds.push(instruction);
            }
        }
        return cmds;
    }
    /**
     * Gets all the COPY instructions that are defined in this image.
     */
    getCOPYs() {
        let copies = [];
        for (let instruction of this.instructions) {
            if (instruction instanceof copy_1.Copy) {
                copies.push(instruction);
            }
        }
        return copies;
    }
    /**
     * Gets all the ENTRYPOINT instructions that are defined in this image.
     */
    getENTRYPOINTs() {
        let froms = [];
        for (let instruction of this.instructions) {
            if (instruction instanceof entrypoint_1.Entrypoint) {
                froms.push(instruction);
            }
        }
        return froms;
    }
    /**
     * Gets all the ENV instructions that are defined in this image.
     */
    getENVs() {
        let args = [];
        for (let instruction of this.instructions) {
            if (instruction instanceof env_1.Env) {
                args.push(instruction);
            }
        }
        return args;
    }
    getFROM() {
        for (const instruction of this.instructions) {
            if (instruction instanceof from_1.From) {
                return instruction;
            }
        }
        return null;
    }
    /**
     * Gets all the FROM instructions that are defined in this image.
     */
    getFROMs() {
        let froms = [];
        for (let instruction of this.instructions) {
            if (instruction instanceof from_1.From) {
                froms.push(instruction);
            }
        }
        return froms;
    }
    /**
     * Gets all the HEALTHCHECK instructions that are defined in this image.
     */
    getHEALTHCHECKs() {
        let froms = [];
        for (let instruction of this.instructions) {
            if (instruction instanceof healthcheck_1.Healthcheck) {
                froms.push(instruction);
            }
        }
        return froms;
    }
    getWORKDIRs() {
        const workdirs = [];
        for (const instruction of this.instructions) {
            if (instruction instanceof workdir_1.Workdir) {
                workdirs.push(instruction);
            }
        }
        return workdirs;
    }
    getOnbuildTriggers() {
        let triggers = [];
        for (let instruction of this.instructions) {
            if (instruction instanceof onbuild_1.Onbuild) {
                let trigger = instruction.getTriggerInstruction();
                if (trigger) {
                    triggers.push(trigger);
                }
            }
        }
        return triggers;
    }
    getAvailableVariables(currentLine) {
        const variables = [];
        for (const arg of this.getARGs()) {
            if (arg.isBefore(currentLine)) {
                const property = arg.getProperty();
                if (property) {
                    const variable = property.getName();
                    if (variables.indexOf(variable) === -1) {
                        variables.push(variable);
                    }
                }
            }
        }
        for (const env of this.getENVs()) {
            if (env.isBefore(currentLine)) {
                for (const property of env.getProperties()) {
                    const variable = property.getName();
                    if (variables.indexOf(variable) === -1) {
                        variables.push(variable);
                    }
                }
            }
        }
        return variables;
    }
    /**
     * Resolves a variable with the given name at the specified line
     * to its value. If null is returned, then the variable has been
     * defined but no value was given. If undefined is returned, then
     * a variable with the given name has not been defined yet as of
     * the given line.
     *
     * @param variable the name of the variable to resolve
     * @param line the line number that the variable is on, zero-based
     * @return the value of the variable as defined by an ARG or ENV
     *         instruction, or null if no value has been specified, or
     *         undefined if a variable with the given name has not
     *         been defined
     */
    resolveVariable(variable, line) {
        let envs = this.getENVs();
        for (let i = envs.length - 1; i >= 0; i--) {
            if (envs[i].isBefore(line)) {
                for (let property of envs[i].getProperties()) {
                    if (property.getName() === variable) {
                        return property.getValue();
                    }
                }
            }
        }
        let args = this.getARGs();
        for (let i = args.length - 1; i >= 0; i--) {
            if (args[i].isBefore(line)) {
                let property = args[i].getProperty();
                if (property && property.getName() === variable) {
                    return property.getValue();
                }
            }
        }
        return undefined;
    }
    getRange() {
        const instructions = this.getInstructions();
        if (instructions.length === 0) {
            // all templates should have instructions, this only happens for
            // the initial set of instruction
            return vscode_languageserver_types_1.Range.create(0, 0, 0, 0);
        }
        const instructionStart = instructions[0].getRange().start;
        const instructionEnd = instructions[instructions.length - 1].getRange().end;
        return vscode_languageserver_types_1.Range.create(instructionStart, instructionEnd);
    }
    contains(position) {
        const range = this.getRange();
        if (range === null) {
            return false;
        }
        return util_1.Util.isInsideRange(position, range);
    }
}
exports.ImageTemplate = ImageTemplate;


/***/ }),

/***/ 279:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Instruction = void 0;
const vscode_languageserver_types_1 = __nccwpck_require__(612);
const util_1 = __nccwpck_require__(459);
const line_1 = __nccwpck_require__(5);
const argument_1 = __nccwpck_require__(940);
const heredoc_1 = __nccwpck_require__(599);
const variable_1 = __nccwpck_require__(743);
const main_1 = __nccwpck_require__(390);
class Instruction extends line_1.Line {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range);
        this.dockerfile = dockerfile;
        this.escapeChar = escapeChar;
        this.instruction = instruction;
        this.instructionRange = instructionRange;
    }
    toString() {
        let value = this.getKeyword();
        for (let arg of this.getRawArguments()) {
            value += ' ';
            value += arg.getValue();
        }
        return value;
    }
    getRangeContent(range) {
        if (range === null) {
            return null;
        }
        return this.document.getText().substring(this.document.offsetAt(range.start), this.document.offsetAt(range.end));
    }
    getInstructionRange() {
        return this.instructionRange;
    }
    getInstruction() {
        return this.instruction;
    }
    getKeyword() {
        return this.getInstruction().toUpperCase();
    }
    getArgumentsRange() {
        let args = this.getArguments();
        if (args.length === 0) {
            return null;
        }
        return vscode_languageserver_types_1.Range.create(args[0].getRange().start, args[args.length - 1].getRange().end);
    }
    getArgumentsRanges() {
        let args = this.getArguments();
        if (args.length === 0) {
            return [];
        }
        if (args[0].getRange().start.line === args[args.length - 1].getRange().end.line) {
            return [vscode_languageserver_types_1.Range.create(args[0].getRange().start, args[args.length - 1].getRange().end)];
        }
        let ranges = [];
        let end = -1;
        let startPosition = args[0].getRange().start;
        let range = this.getInstructionRange();
        let extra = this.document.offsetAt(startPosition) - this.document.offsetAt(range.start);
        let content = this.getTextContent();
        let fullArgs = content.substring(extra, this.document.offsetAt(args[args.length - 1].getRange().end) - this.document.offsetAt(range.start));
        let offset = this.document.offsetAt(range.start) + extra;
        let start = false;
        let comment = false;
        for (let i = 0; i < fullArgs.length; i++) {
            let char = fullArgs.charAt(i);
            if (char === this.escapeChar) {
                let next = fullArgs.charAt(i + 1);
                if (next === ' ' || next === '\t') {
                    whitespaceCheck: for (let j = i + 2; j < fullArgs.length; j++) {
                        switch (fullArgs.charAt(j)) {
                            case ' ':
                            case '\t':
                                continue;
                            case '\r':
                                j++;
                            case '\n':
                                if (startPosition !== null) {
                                    ranges.push(vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(offset + end + 1)));
                                }
                                startPosition = null;
                                start = true;
                                comment = false;
                                i = j;
                                break whitespaceCheck;
                            default:
                                break whitespaceCheck;
                        }
                    }
                }
                else if (next === '\r') {
                    if (startPosition !== null) {
                        ranges.push(vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(offset + end + 1)));
                        startPosition = null;
                    }
                    start = true;
                    comment = false;
                    i += 2;
                }
                else if (next === '\n') {
                    if (startPosition !== null) {
                        ranges.push(vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(offset + end + 1)));
                    }
                    startPosition = null;
                    start = true;
                    comment = false;
                    i++;
                }
                else {
                    i++;
                }
            }
            else if (util_1.Util.isNewline(char)) {
                if (comment) {
                    startPosition = null;
                    start = true;
                    comment = false;
                }
            }
            else {
                if (!comment) {
                    if (startPosition === null) {
                        if (char === '#') {
                            comment = true;
                            continue;
                        }
                        let position = this.document.positionAt(offset + i);
                        if (position.character !== 0) {
                            startPosition = vscode_languageserver_types_1.Position.create(position.line, 0);
                        }
                    }
                    end = i;
                }
            }
        }
        if (startPosition === null) {
            // should only happen if the last argument is on its own line with
            // no leading whitespace
            ranges.push(vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + end), this.document.positionAt(offset + end + 1)));
        }
        else {
            ranges.push(vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(offset + end + 1)));
        }
        return ranges;
    }
    getRawArgumentsContent() {
        let args = this.getArguments();
        if (args.length === 0) {
            return null;
        }
        return this.getRangeContent(vscode_languageserver_types_1.Range.create(args[0].getRange().start, args[args.length - 1].getRange().end));
    }
    getArgumentsContent() {
        let args = this.getArguments();
        if (args.length === 0) {
            return null;
        }
        let content = "";
        let ranges = this.getArgumentsRanges();
        let documentText = this.document.getText();
        for (let range of ranges) {
            content += documentText.substring(this.document.offsetAt(range.start), this.document.offsetAt(range.end));
        }
        return content;
    }
    getArguments() {
        return this.getRawArguments();
    }
    getRawArguments() {
        let args = [];
        let range = this.getInstructionRange();
        let extra = this.document.offsetAt(range.end) - this.document.offsetAt(range.start);
        let content = this.getTextContent();
        let fullArgs = content.substring(extra);
        let offset = this.document.offsetAt(range.start) + extra;
        let start = false;
        let comment = false;
        let found = -1;
        // determines whether the parser has found a space or tab
        // whitespace character that's a part of an escaped newline sequence
        let escapedWhitespaceDetected = false;
        // determines if the parser is currently in an escaped newline sequence
        let escaping = false;
        let escapeMarker = -1;
        let escapedArg = "";
        for (let i = 0; i < fullArgs.length; i++) {
            let char = fullArgs.charAt(i);
            if (util_1.Util.isWhitespace(char)) {
                if (escaping) {
                    escapedWhitespaceDetected = true;
                    if (util_1.Util.isNewline(char)) {
                        // reached a newline, any previously
                        // detected whitespace should be ignored
                        escapedWhitespaceDetected = false;
                        if (comment) {
                            // reached a newline, no longer in a comment
                            comment = false;
                            start = true;
                        }
                    }
                    continue;
                }
                else if (found !== -1) {
                    if (escapeMarker === -1) {
                        args.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + i))));
                    }
                    else {
                        args.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + escapeMarker))));
                    }
                    escapeMarker = -1;
                    escapedArg = "";
                    found = -1;
                }
            }
            else if (char === this.escapeChar) {
                let next = fullArgs.charAt(i + 1);
                if (next === ' ' || next === '\t') {
                    whitespaceCheck: for (let j = i + 2; j < fullArgs.length; j++) {
                        let newlineCheck = fullArgs.charAt(j);
                        switch (newlineCheck) {
                            case ' ':
                            case '\t':
                                continue;
                            case '\r':
                                j++;
                            case '\n':
                                comment = false;
                                escaping = true;
                                start = true;
                                if (found !== -1) {
                                    escapeMarker = i;
                                }
                                i = j;
                                break whitespaceCheck;
                            default:
                                escapeMarker = i;
                                if (found === -1) {
                                    i = j - 1;
                                }
                                break whitespaceCheck;
                        }
                    }
                }
                else if (next === '\r') {
                    comment = false;
                    escaping = true;
                    start = true;
                    if (found !== -1 && escapeMarker === -1) {
                        escapeMarker = i;
                    }
                    i += 2;
                }
                else if (next === '\n') {
                    comment = false;
                    escaping = true;
                    start = true;
                    if (found !== -1 && escapeMarker === -1) {
                        escapeMarker = i;
                    }
                    i++;
                }
                else {
                    if (escapedWhitespaceDetected && escapeMarker !== -1) {
                        args.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + escapeMarker))));
                        escapedArg = "";
                        found = -1;
                    }
                    escapeMarker = -1;
                    escapedWhitespaceDetected = false;
                    escaping = false;
                    if (next === '$') {
                        escapedArg = escapedArg + char + next;
                    }
                    else if (next === '') {
                        // reached EOF, stop processing
                        break;
                    }
                    else {
                        escapedArg = escapedArg + next;
                    }
                    if (found === -1) {
                        found = i;
                    }
                    i++;
                }
            }
            else if (!comment) {
                if (start && char === '#') {
                    comment = true;
                }
                else {
                    if (escapedWhitespaceDetected && escapeMarker !== -1) {
                        args.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + escapeMarker))));
                        escapedArg = "";
                        found = -1;
                    }
                    escapedWhitespaceDetected = false;
                    escaping = false;
                    escapeMarker = -1;
                    escapedArg = escapedArg + char;
                    if (found === -1) {
                        found = i;
                    }
                }
                // non-whitespace character detected, reset
                start = false;
            }
        }
        if (found !== -1) {
            if (escapeMarker === -1) {
                args.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + fullArgs.length))));
            }
            else {
                args.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + escapeMarker))));
            }
        }
        return args;
    }
    getExpandedArguments() {
        let args = this.getArguments();
        for (let i = 0; i < args.length; i++) {
            const argRange = args[i].getRange();
            let offset = this.document.offsetAt(argRange.start);
            const variables = this.parseVariables(offset, args[i].getValue());
            const swaps = [];
            let requiresExpansion = false;
            for (let variable of variables) {
                const value = this.dockerfile.resolveVariable(variable.getName(), variable.getNameRange().start.line);
                swaps.push(value);
                requiresExpansion = requiresExpansion || value !== undefined;
            }
            if (requiresExpansion) {
                let expanded = "";
                for (let j = 0; j < swaps.length; j++) {
                    const variableRange = variables[j].getRange();
                    const start = this.document.offsetAt(variableRange.start);
                    const end = this.document.offsetAt(variableRange.end);
                    if (swaps[j]) {
                        // replace variable with its resolved value
                        expanded += this.document.getText().substring(offset, start);
                        expanded += swaps[j];
                        offset = end;
                    }
                    else {
                        expanded += this.document.getText().substring(offset, end);
                        offset = end;
                    }
                }
                const argEnd = this.document.offsetAt(argRange.end);
                if (argEnd !== offset) {
                    // if the variable's range doesn't match the argument,
                    // append the remaining text
                    expanded += this.document.getText().substring(offset, argEnd);
                }
                args[i] = new argument_1.Argument(expanded, argRange);
            }
        }
        return args;
    }
    getVariables() {
        const variables = [];
        const args = this.getRawArguments();
        for (const arg of args) {
            let range = arg.getRange();
            let rawValue = this.document.getText().substring(this.document.offsetAt(range.start), this.document.offsetAt(range.end));
            const parsedVariables = this.parseVariables(this.document.offsetAt(arg.getRange().start), rawValue);
            for (const parsedVariable of parsedVariables) {
                variables.push(parsedVariable);
            }
        }
        return variables;
    }
    parseVariables(offset, arg) {
        let variables = [];
        variableLoop: for (let i = 0; i < arg.length; i++) {
            switch (arg.charAt(i)) {
                case this.escapeChar:
                    if (arg.charAt(i + 1) === '$') {
                        i++;
                    }
                    break;
                case '$':
                    if (arg.charAt(i + 1) === '{') {
                        let escapedString = "${";
                        let escapedName = "";
                        let nameEnd = -1;
                        let escapedSubstitutionParameter = "";
                        let substitutionStart = -1;
                        let substitutionEnd = -1;
                        let modifierRead = -1;
                        nameLoop: for (let j = i + 2; j < arg.length; j++) {
                            let char = arg.charAt(j);
                            switch (char) {
                                case this.escapeChar:
                                    for (let k = j + 1; k < arg.length; k++) {
                                        switch (arg.charAt(k)) {
                                            case ' ':
                                            case '\t':
                                            case '\r':
                                                // ignore whitespace
                                                continue;
                                            case '\n':
                                                // escape this newline
                                                j = k;
                                                continue nameLoop;
                                        }
                                    }
                                    break;
                                case '}':
                                    escapedString += '}';
                                    let modifier = null;
                                    let modifierRange = null;
                                    let substitutionParameter = modifierRead !== -1 ? escapedSubstitutionParameter : null;
                                    let substitutionRange = null;
                                    if (nameEnd === -1) {
                                        nameEnd = j;
                                    }
                                    else if (nameEnd + 1 === j) {
                                        modifier = "";
                                        modifierRange = vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + nameEnd + 1), this.document.positionAt(offset + nameEnd + 1));
                                    }
                                    else {
                                        if (substitutionStart === -1) {
                                            // no substitution parameter found,
                                            // but a modifier character existed,
                                            // just offset the range by 1 from
                                            // the modifier character
                                            substitutionStart = modifierRead + 1;
                                            substitutionEnd = modifierRead + 1;
                                        }
                                        else {
                                            // offset one more from the last
                                            // character found
                                            substitutionEnd = substitutionEnd + 1;
                                        }
                                        modifier = arg.substring(modifierRead, modifierRead + 1);
                                        modifierRange = vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + modifierRead), this.document.positionAt(offset + modifierRead + 1));
                                        substitutionRange = vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + substitutionStart), this.document.positionAt(offset + substitutionEnd));
                                    }
                                    let start = this.document.positionAt(offset + i);
                                    variables.push(new variable_1.Variable(escapedName, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + i + 2), this.document.positionAt(offset + nameEnd)), vscode_languageserver_types_1.Range.create(start, this.document.positionAt(offset + j + 1)), modifier, modifierRange, substitutionParameter, substitutionRange, this.dockerfile.resolveVariable(escapedName, start.line) !== undefined, this.isBuildVariable(escapedName, start.line), escapedString));
                                    i = j;
                                    continue variableLoop;
                                case ':':
                                    if (nameEnd === -1) {
                                        nameEnd = j;
                                    }
                                    else if (modifierRead !== -1) {
                                        if (substitutionStart === -1) {
                                            substitutionStart = j;
                                            substitutionEnd = j;
                                        }
                                        else {
                                            substitutionEnd = j;
                                        }
                                        escapedSubstitutionParameter += ':';
                                    }
                                    else {
                                        modifierRead = j;
                                    }
                                    escapedString += ':';
                                    break;
                                case '\n':
                                case '\r':
                                case ' ':
                                case '\t':
                                    break;
                                default:
                                    if (nameEnd === -1) {
                                        escapedName += char;
                                    }
                                    else if (modifierRead !== -1) {
                                        if (substitutionStart === -1) {
                                            substitutionStart = j;
                                            substitutionEnd = j;
                                        }
                                        else {
                                            substitutionEnd = j;
                                        }
                                        escapedSubstitutionParameter += char;
                                    }
                                    else {
                                        modifierRead = j;
                                    }
                                    escapedString += char;
                                    break;
                            }
                        }
                        // no } found, not a valid variable, stop processing
                        break variableLoop;
                    }
                    else if (util_1.Util.isWhitespace(arg.charAt(i + 1)) || i === arg.length - 1) {
                        // $ followed by whitespace or EOF, ignore this variable
                        continue;
                    }
                    else {
                        let escapedName = "";
                        nameLoop: for (let j = i + 1; j < arg.length; j++) {
                            let char = arg.charAt(j);
                            switch (char) {
                                case '\r':
                                case '\n':
                                case ' ':
                                case '\t':
                                    continue;
                                case '$':
                                case '\'':
                                case '"':
                                    let varStart = this.document.positionAt(offset + i);
                                    variables.push(new variable_1.Variable(escapedName, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + i + 1), this.document.positionAt(offset + j)), vscode_languageserver_types_1.Range.create(varStart, this.document.positionAt(offset + j)), null, null, null, null, this.dockerfile.resolveVariable(escapedName, varStart.line) !== undefined, this.isBuildVariable(escapedName, varStart.line), '$' + escapedName));
                                    i = j - 1;
                                    continue variableLoop;
                                case this.escapeChar:
                                    for (let k = j + 1; k < arg.length; k++) {
                                        switch (arg.charAt(k)) {
                                            case ' ':
                                            case '\t':
                                            case '\r':
                                                // ignore whitespace
                                                continue;
                                            case '\n':
                                                // escape this newline
                                                j = k;
                                                continue nameLoop;
                                        }
                                    }
                                    // reached EOF after an escape character
                                    let start = this.document.positionAt(offset + i);
                                    variables.push(new variable_1.Variable(escapedName, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + i + 1), this.document.positionAt(offset + j)), vscode_languageserver_types_1.Range.create(start, this.document.positionAt(offset + j)), null, null, null, null, this.dockerfile.resolveVariable(escapedName, start.line) !== undefined, this.isBuildVariable(escapedName, start.line), '$' + escapedName));
                                    break variableLoop;
                            }
                            if (char.match(/^[a-z0-9_]+$/i) === null) {
                                let varStart = this.document.positionAt(offset + i);
                                variables.push(new variable_1.Variable(escapedName, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + i + 1), this.document.positionAt(offset + j)), vscode_languageserver_types_1.Range.create(varStart, this.document.positionAt(offset + j)), null, null, null, null, this.dockerfile.resolveVariable(escapedName, varStart.line) !== undefined, this.isBuildVariable(escapedName, varStart.line), '$' + escapedName));
                                i = j - 1;
                                continue variableLoop;
                            }
                            escapedName += char;
                        }
                        let start = this.document.positionAt(offset + i);
                        variables.push(new variable_1.Variable(escapedName, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + i + 1), this.document.positionAt(offset + arg.length)), vscode_languageserver_types_1.Range.create(start, this.document.positionAt(offset + arg.length)), null, null, null, null, this.dockerfile.resolveVariable(escapedName, start.line) !== undefined, this.isBuildVariable(escapedName, start.line), '$' + escapedName));
                    }
                    break variableLoop;
            }
        }
        return variables;
    }
    isBuildVariable(variable, line) {
        if (this.getKeyword() === main_1.Keyword.FROM) {
            for (const initialArg of this.dockerfile.getInitialARGs()) {
                const arg = initialArg;
                const property = arg.getProperty();
                if (property && variable === property.getName()) {
                    return true;
                }
            }
            return undefined;
        }
        let image = this.dockerfile.getContainingImage(vscode_languageserver_types_1.Position.create(line, 0));
        let envs = image.getENVs();
        for (let i = envs.length - 1; i >= 0; i--) {
            if (envs[i].isBefore(line)) {
                for (let property of envs[i].getProperties()) {
                    if (property.getName() === variable) {
                        return false;
                    }
                }
            }
        }
        let args = image.getARGs();
        for (let i = args.length - 1; i >= 0; i--) {
            if (args[i].isBefore(line)) {
                let property = args[i].getProperty();
                if (property && property.getName() === variable) {
                    return true;
                }
            }
        }
        return undefined;
    }
    createSingleLineHeredocs(args) {
        const heredocs = [];
        // instruction only on one line, if heredocs exist they would be incomplete
        for (const arg of args) {
            const value = arg.getValue();
            if (value.startsWith("<<") && util_1.Util.parseHeredocName(value) !== null) {
                const startRange = arg.getRange();
                const nameRange = this.getNameRange(startRange);
                const name = this.getName(nameRange);
                heredocs.push(new heredoc_1.Heredoc(startRange, name, nameRange, null, null));
            }
        }
        return heredocs;
    }
    getName(nameRange) {
        const content = this.document.getText(nameRange);
        let escaping = false;
        let name = "";
        nameLoop: for (let i = 0; i < content.length; i++) {
            const ch = content.charAt(i);
            switch (ch) {
                case this.escapeChar:
                    escaping = true;
                    for (let j = i + 1; j < content.length; j++) {
                        switch (content.charAt(j)) {
                            case ' ':
                            case '\t':
                                break;
                            case '\r':
                                i = j + 1;
                                continue nameLoop;
                            case '\n':
                                i = j;
                                continue nameLoop;
                            default:
                                name += content.charAt(j);
                                i = j;
                                continue nameLoop;
                        }
                    }
                    break;
                case '#':
                    if (escaping) {
                        for (let j = i + 1; j < content.length; j++) {
                            switch (content.charAt(j)) {
                                case '\n':
                                    i = j;
                                    continue nameLoop;
                            }
                        }
                    }
                case ' ':
                case '\t':
                case '\r':
                case '\n':
                    if (escaping) {
                        break;
                    }
                default:
                    name += ch;
                    break;
            }
        }
        return name;
    }
    getNameRange(startRange) {
        const content = this.document.getText(startRange);
        let endFound = false;
        let searchHyphen = false;
        let start = -1;
        let end = -1;
        let escaping = false;
        let quote = null;
        contentLoop: for (let i = 0; i < content.length; i++) {
            const ch = content.charAt(i);
            switch (ch) {
                case '"':
                case '\'':
                    if (quote === ch) {
                        break contentLoop;
                    }
                    quote = ch;
                    continue;
                case this.escapeChar:
                    for (let j = i + 1; j < content.length; j++) {
                        switch (content.charAt(j)) {
                            case '\n':
                                escaping = true;
                                j = i;
                                continue contentLoop;
                        }
                    }
                    break;
                case ' ':
                case '\t':
                case '\r':
                case '\n':
                    break;
                case '<':
                    if (endFound) {
                        searchHyphen = true;
                    }
                    else {
                        endFound = true;
                    }
                    break;
                case '-':
                    if (searchHyphen) {
                        searchHyphen = false;
                        break;
                    }
                case '#':
                    if (escaping) {
                        for (let j = i + 1; j < content.length; j++) {
                            switch (content.charAt(j)) {
                                case '\n':
                                    i = j;
                                    continue contentLoop;
                            }
                        }
                    }
                default:
                    if (start === -1) {
                        start = i;
                    }
                    if (quote !== null) {
                        end = i + 1;
                        break;
                    }
                    break contentLoop;
            }
        }
        if (start === -1) {
            return vscode_languageserver_types_1.Range.create(startRange.end, startRange.end);
        }
        const nameStart = this.document.positionAt(this.document.offsetAt(startRange.start) + start);
        const nameEnd = quote !== null ? this.document.positionAt(this.document.offsetAt(startRange.start) + end) : startRange.end;
        return vscode_languageserver_types_1.Range.create(nameStart, nameEnd);
    }
    getHeredocs() {
        const args = this.getArguments();
        if (args.length === 0) {
            return [];
        }
        const heredocs = [];
        const range = this.getRange();
        if (range.start.line === range.end.line) {
            // instruction only on one line, if heredocs exist they would be incomplete
            return this.createSingleLineHeredocs(args);
        }
        const heredocDefinitions = [];
        let heredocsProcessed = false;
        let escaping = false;
        let contentStart = -1;
        let contentEnd = -1;
        let lineStart = -1;
        let currentHeredoc = 0;
        const startOffset = this.document.offsetAt(args[0].getRange().start);
        const content = this.getRangeContent(vscode_languageserver_types_1.Range.create(args[0].getRange().start, this.getRange().end));
        contentLoop: for (let i = 0; i < content.length; i++) {
            switch (content.charAt(i)) {
                case this.escapeChar:
                    escaping = true;
                    for (let j = i + 1; j < content.length; j++) {
                        switch (content.charAt(j)) {
                            case ' ':
                            case '\t':
                                break;
                            case '\r':
                                j++;
                            case '\n':
                                i = j;
                                continue contentLoop;
                            default:
                                i = j;
                                continue contentLoop;
                        }
                    }
                    break;
                case '\r':
                    break;
                case '\n':
                    if (escaping) {
                        break;
                    }
                    if (heredocsProcessed) {
                        if (contentStart === -1) {
                            contentStart = i;
                        }
                        contentEnd = i;
                        const arg = heredocDefinitions[currentHeredoc];
                        const startRange = arg.getRange();
                        const nameRange = this.getNameRange(startRange);
                        const name = this.getName(nameRange);
                        const delimiterRange = this.getDelimiterRange(arg, name, vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + lineStart), this.document.positionAt(startOffset + i)));
                        if (delimiterRange !== null) {
                            const contentRange = vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + contentStart), this.document.positionAt(startOffset + lineStart - 1));
                            heredocs.push(new heredoc_1.Heredoc(startRange, name, nameRange, contentRange, delimiterRange));
                            contentStart = -1;
                            currentHeredoc++;
                        }
                        lineStart = -1;
                    }
                    else {
                        // found a newline that hasn't been escaped,
                        // must be in a heredoc
                        const offsetLimit = startOffset + i;
                        for (const arg of args) {
                            // check if this argument is on the initial line of the instruction,
                            // note that it may not all be on the same line due to escaped newlines,
                            // because of that we need to use offset checks instead of line checks
                            // as an argument being on a different line in the document does not
                            // imply it is on a different line from the Dockerfile's point of view
                            if (this.document.offsetAt(arg.getRange().start) < offsetLimit) {
                                if (arg.getValue().startsWith("<<")) {
                                    heredocDefinitions.push(arg);
                                }
                            }
                            else {
                                break;
                            }
                        }
                        heredocsProcessed = true;
                        lineStart = -1;
                        continue contentLoop;
                    }
                    break;
                case ' ':
                case '\t':
                    if (escaping) {
                        break;
                    }
                case '#':
                    if (escaping) {
                        for (let j = i + 1; j < content.length; j++) {
                            switch (content.charAt(j)) {
                                case '\n':
                                    i = j;
                                    continue contentLoop;
                            }
                        }
                    }
                default:
                    if (escaping) {
                        escaping = false;
                    }
                    if (heredocsProcessed) {
                        if (contentStart === -1) {
                            contentStart = i;
                        }
                        if (lineStart === -1) {
                            lineStart = i;
                        }
                    }
                    break;
            }
        }
        if (heredocsProcessed) {
            const arg = heredocDefinitions[currentHeredoc];
            const startRange = arg.getRange();
            const nameRange = this.getNameRange(startRange);
            const name = this.getName(nameRange);
            let contentRange = null;
            // check if the last line of this instruction matches the name of the last heredoc
            const delimiterRange = this.getDelimiterRange(arg, name, vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + lineStart), range.end));
            if (delimiterRange === null) {
                contentRange = vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + contentStart), range.end);
            }
            else if (contentEnd !== -1) {
                contentRange = vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + contentStart), this.document.positionAt(startOffset + contentEnd));
            }
            heredocs.push(new heredoc_1.Heredoc(startRange, name, nameRange, contentRange, delimiterRange));
            currentHeredoc++;
            for (let i = currentHeredoc; i < heredocDefinitions.length; i++) {
                const arg = heredocDefinitions[currentHeredoc];
                const startRange = arg.getRange();
                const nameRange = this.getNameRange(startRange);
                const name = this.getName(nameRange);
                heredocs.push(new heredoc_1.Heredoc(startRange, name, nameRange, null, null));
                currentHeredoc++;
            }
        }
        else {
            // instruction only on one line, if heredocs exist they would be incomplete
            return this.createSingleLineHeredocs(args);
        }
        return heredocs;
    }
    getDelimiterRange(startArg, name, candidateRange) {
        const text = this.document.getText(candidateRange);
        if (startArg.getValue().startsWith("<<-")) {
            // remove tabs in the front
            let index = 0;
            while (text.charAt(index) === '\t') {
                index++;
            }
            if (text.substring(index) === name) {
                return vscode_languageserver_types_1.Range.create(vscode_languageserver_types_1.Position.create(candidateRange.start.line, index), candidateRange.end);
            }
            return null;
        }
        return text === name ? candidateRange : null;
    }
}
exports.Instruction = Instruction;


/***/ }),

/***/ 618:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Add = void 0;
const jsonInstruction_1 = __nccwpck_require__(305);
class Add extends jsonInstruction_1.JSONInstruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
    stopSearchingForFlags(argument) {
        return argument.indexOf("--") === -1;
    }
}
exports.Add = Add;


/***/ }),

/***/ 381:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Arg = void 0;
const property_1 = __nccwpck_require__(602);
const propertyInstruction_1 = __nccwpck_require__(984);
class Arg extends propertyInstruction_1.PropertyInstruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
        this.property = null;
        const args = this.getPropertyArguments();
        if (args.length === 1) {
            this.property = new property_1.Property(this.document, this.escapeChar, args[0]);
        }
        else {
            this.property = null;
        }
    }
    /**
     * Returns the variable defined by this ARG. This may be null if
     * this ARG instruction is malformed and has no variable
     * declaration.
     */
    getProperty() {
        return this.property;
    }
}
exports.Arg = Arg;


/***/ }),

/***/ 517:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Cmd = void 0;
const jsonInstruction_1 = __nccwpck_require__(305);
class Cmd extends jsonInstruction_1.JSONInstruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
}
exports.Cmd = Cmd;


/***/ }),

/***/ 444:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Copy = void 0;
const jsonInstruction_1 = __nccwpck_require__(305);
class Copy extends jsonInstruction_1.JSONInstruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
    stopSearchingForFlags(argument) {
        return argument.indexOf("--") === -1;
    }
    getFromFlag() {
        let flags = super.getFlags();
        return flags.length === 1 && flags[0].getName() === "from" ? flags[0] : null;
    }
    /**
     * Returns there here-documents that are defined in this RUN
     * instruction.
     *
     * This API is experimental and subject to change.
     */
    getHeredocs() {
        return super.getHeredocs();
    }
}
exports.Copy = Copy;


/***/ }),

/***/ 835:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Entrypoint = void 0;
const jsonInstruction_1 = __nccwpck_require__(305);
class Entrypoint extends jsonInstruction_1.JSONInstruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
}
exports.Entrypoint = Entrypoint;


/***/ }),

/***/ 822:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Env = void 0;
const propertyInstruction_1 = __nccwpck_require__(984);
class Env extends propertyInstruction_1.PropertyInstruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
    getProperties() {
        return super.getProperties();
    }
}
exports.Env = Env;


/***/ }),

/***/ 377:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.From = void 0;
const vscode_languageserver_types_1 = __nccwpck_require__(612);
const modifiableInstruction_1 = __nccwpck_require__(393);
class From extends modifiableInstruction_1.ModifiableInstruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
    stopSearchingForFlags(argument) {
        return argument.indexOf("--") === -1;
    }
    getImage() {
        const args = this.getArguments();
        return args.length > 0 ? args[0].getValue() : null;
    }
    /**
     * Returns the name of the image that will be used as the base image.
     *
     * @return the base image's name, or null if unspecified
     */
    getImageName() {
        const imageName = this.getRangeContent(this.getImageNameRange());
        if (imageName === null) {
            return null;
        }
        let commented = false;
        let escaped = false;
        let name = "";
        for (let i = 0; i < imageName.length; i++) {
            const ch = imageName.charAt(i);
            switch (ch) {
                case this.escapeChar:
                    escaped = true;
                    break;
                case '\r':
                    continue;
                case '\n':
                    commented = false;
                    break;
                case ' ':
                case '\t':
                    break;
                case '#':
                    if (escaped) {
                        commented = true;
                    }
                    else {
                        name = name + ch;
                        escaped = false;
                    }
                    break;
                default:
                    if (!commented) {
                        name = name + ch;
                        escaped = false;
                    }
                    break;
            }
        }
        return name;
    }
    /**
     * Returns the range that covers the name of the image used by
     * this instruction.
     *
     * @return the range of the name of this instruction's argument,
     *         or null if no image has been specified
     */
    getImageNameRange() {
        let range = this.getImageRange();
        if (range) {
            let registryRange = this.getRegistryRange();
            if (registryRange) {
                range.start = this.document.positionAt(this.document.offsetAt(registryRange.end) + 1);
            }
            let tagRange = this.getImageTagRange();
            let digestRange = this.getImageDigestRange();
            if (tagRange === null) {
                if (digestRange !== null) {
                    range.end = this.document.positionAt(this.document.offsetAt(digestRange.start) - 1);
                }
            }
            else {
                range.end = this.document.positionAt(this.document.offsetAt(tagRange.start) - 1);
            }
            return range;
        }
        return null;
    }
    /**
     * Returns the range that covers the image argument of this
     * instruction. This includes the tag or digest of the image if
     * it has been specified by the instruction.
     *
     * @return the range of the image argument, or null if no image
     *         has been specified
     */
    getImageRange() {
        let args = this.getArguments();
        return args.length !== 0 ? args[0].getRange() : null;
    }
    getImageTag() {
        return this.getRangeContent(this.getImageTagRange());
    }
    /**
     * Returns the range in the document that the tag of the base
     * image encompasses.
     *
     * @return the base image's tag's range in the document, or null
     *         if no tag has been specified
     */
    getImageTagRange() {
        const range = this.getImageRange();
        if (range) {
            const rangeStartOffset = this.document.offsetAt(range.start);
            const content = this.getRangeContent(range);
            const atIndex = this.indexOf(rangeStartOffset, content, '@');
            const slashIndex = content.indexOf('/');
            if (atIndex === -1) {
                const colonIndex = this.lastIndexOf(rangeStartOffset, content, ':');
                if (colonIndex > slashIndex) {
                    return vscode_languageserver_types_1.Range.create(this.document.positionAt(rangeStartOffset + colonIndex + 1), range.end);
                }
            }
            const subcontent = content.substring(0, atIndex);
            const subcolonIndex = subcontent.indexOf(':');
            if (subcolonIndex === -1) {
                return null;
            }
            if (slashIndex === -1) {
                // slash not found suggests no registry and no namespace defined
                return vscode_languageserver_types_1.Range.create(this.document.positionAt(rangeStartOffset + subcolonIndex + 1), this.document.positionAt(rangeStartOffset + atIndex));
            }
            // both colon and slash found, check if it is a port
            if (subcolonIndex < slashIndex) {
                return null;
            }
            return vscode_languageserver_types_1.Range.create(this.document.positionAt(rangeStartOffset + subcolonIndex + 1), this.document.positionAt(rangeStartOffset + subcontent.length));
        }
        return null;
    }
    getImageDigest() {
        return this.getRangeContent(this.getImageDigestRange());
    }
    /**
     * Returns the range in the document that the digest of the base
     * image encompasses.
     *
     * @return the base image's digest's range in the document, or null
     *         if no digest has been specified
     */
    getImageDigestRange() {
        let range = this.getImageRange();
        if (range) {
            let content = this.getRangeContent(range);
            let index = this.lastIndexOf(this.document.offsetAt(range.start), content, '@');
            if (index !== -1) {
                return vscode_languageserver_types_1.Range.create(range.start.line, range.start.character + index + 1, range.end.line, range.end.character);
            }
        }
        return null;
    }
    indexOf(documentOffset, content, searchString) {
        let index = content.indexOf(searchString);
        const variables = this.getVariables();
        for (let i = 0; i < variables.length; i++) {
            const position = documentOffset + index;
            const variableRange = variables[i].getRange();
            if (this.document.offsetAt(variableRange.start) < position && position < this.document.offsetAt(variableRange.end)) {
                const offset = this.document.offsetAt(variableRange.end) - documentOffset;
                const substring = content.substring(offset);
                const subIndex = substring.indexOf(searchString);
                if (subIndex === -1) {
                    return -1;
                }
                index = subIndex + offset;
                i = -1;
                continue;
            }
        }
        return index;
    }
    lastIndexOf(documentOffset, content, searchString) {
        let index = content.lastIndexOf(searchString);
        const variables = this.getVariables();
        for (let i = 0; i < variables.length; i++) {
            const position = documentOffset + index;
            const variableRange = variables[i].getRange();
            if (this.document.offsetAt(variableRange.start) < position && position < this.document.offsetAt(variableRange.end)) {
                index = content.substring(0, index).lastIndexOf(searchString);
                if (index === -1) {
                    return -1;
                }
                i = -1;
                continue;
            }
        }
        return index;
    }
    getRegistry() {
        return this.getRangeContent(this.getRegistryRange());
    }
    getRegistryRange() {
        const range = this.getImageRange();
        if (range) {
            const tagRange = this.getImageTagRange();
            const digestRange = this.getImageDigestRange();
            if (tagRange === null) {
                if (digestRange !== null) {
                    range.end = this.document.positionAt(this.document.offsetAt(digestRange.start) - 1);
                }
            }
            else {
                range.end = this.document.positionAt(this.document.offsetAt(tagRange.start) - 1);
            }
            const content = this.getRangeContent(range);
            const rangeStart = this.document.offsetAt(range.start);
            const startingSlashIndex = this.indexOf(rangeStart, content, '/');
            if (startingSlashIndex === -1) {
                return null;
            }
            const portIndex = this.indexOf(rangeStart, content, ':');
            const dotIndex = this.indexOf(rangeStart, content, '.');
            // hostname detected
            if (portIndex !== -1 || dotIndex !== -1) {
                return vscode_languageserver_types_1.Range.create(range.start, this.document.positionAt(rangeStart + startingSlashIndex));
            }
            const registry = content.substring(0, startingSlashIndex);
            // localhost registry detected
            if (registry === 'localhost') {
                return vscode_languageserver_types_1.Range.create(range.start, this.document.positionAt(rangeStart + startingSlashIndex));
            }
        }
        return null;
    }
    getBuildStage() {
        let range = this.getBuildStageRange();
        return range === null ? null : this.getRangeContent(range);
    }
    getBuildStageRange() {
        let args = this.getArguments();
        if (args.length > 2 && args[1].getValue().toUpperCase() === "AS") {
            return args[2].getRange();
        }
        return null;
    }
    getPlatformFlag() {
        let flags = super.getFlags();
        return flags.length === 1 && flags[0].getName() === "platform" ? flags[0] : null;
    }
}
exports.From = From;


/***/ }),

/***/ 167:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Healthcheck = void 0;
const modifiableInstruction_1 = __nccwpck_require__(393);
class Healthcheck extends modifiableInstruction_1.ModifiableInstruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
    stopSearchingForFlags(argument) {
        argument = argument.toUpperCase();
        return argument === "CMD" || argument === "NONE";
    }
    getSubcommand() {
        let args = this.getArguments();
        return args.length !== 0 ? args[0] : null;
    }
}
exports.Healthcheck = Healthcheck;


/***/ }),

/***/ 871:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Label = void 0;
const propertyInstruction_1 = __nccwpck_require__(984);
const util_1 = __nccwpck_require__(459);
class Label extends propertyInstruction_1.PropertyInstruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
    getVariables() {
        const variables = super.getVariables();
        const properties = this.getProperties();
        // iterate over all of this LABEL's properties
        for (const property of properties) {
            const value = property.getUnescapedValue();
            // check if the value is contained in single quotes,
            // single quotes would indicate a literal value
            if (value !== null && value.length > 2 && value.charAt(0) === '\'' && value.charAt(value.length - 1) === '\'') {
                const range = property.getValueRange();
                for (let i = 0; i < variables.length; i++) {
                    // if a variable is in a single quote, remove it from the list
                    if (util_1.Util.isInsideRange(variables[i].getRange().start, range)) {
                        variables.splice(i, 1);
                        i--;
                    }
                }
            }
        }
        return variables;
    }
    getProperties() {
        return super.getProperties();
    }
}
exports.Label = Label;


/***/ }),

/***/ 554:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Onbuild = void 0;
const vscode_languageserver_types_1 = __nccwpck_require__(612);
const parser_1 = __nccwpck_require__(988);
const instruction_1 = __nccwpck_require__(279);
class Onbuild extends instruction_1.Instruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
    getTrigger() {
        let trigger = this.getTriggerWord();
        return trigger === null ? null : trigger.toUpperCase();
    }
    getTriggerWord() {
        return this.getRangeContent(this.getTriggerRange());
    }
    getTriggerRange() {
        let args = this.getArguments();
        return args.length > 0 ? args[0].getRange() : null;
    }
    getTriggerInstruction() {
        let triggerRange = this.getTriggerRange();
        if (triggerRange === null) {
            return null;
        }
        let args = this.getArguments();
        return parser_1.Parser.createInstruction(this.document, this.dockerfile, this.escapeChar, vscode_languageserver_types_1.Range.create(args[0].getRange().start, this.getRange().end), this.getTriggerWord(), triggerRange);
    }
}
exports.Onbuild = Onbuild;


/***/ }),

/***/ 224:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Run = void 0;
const jsonInstruction_1 = __nccwpck_require__(305);
class Run extends jsonInstruction_1.JSONInstruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
    stopSearchingForFlags(argument) {
        return argument.indexOf("--") === -1;
    }
    /**
     * Returns there here-documents that are defined in this RUN
     * instruction.
     *
     * This API is experimental and subject to change.
     */
    getHeredocs() {
        return super.getHeredocs();
    }
}
exports.Run = Run;


/***/ }),

/***/ 523:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Shell = void 0;
const jsonInstruction_1 = __nccwpck_require__(305);
class Shell extends jsonInstruction_1.JSONInstruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
}
exports.Shell = Shell;


/***/ }),

/***/ 301:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Stopsignal = void 0;
const instruction_1 = __nccwpck_require__(279);
class Stopsignal extends instruction_1.Instruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
}
exports.Stopsignal = Stopsignal;


/***/ }),

/***/ 998:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.User = void 0;
const instruction_1 = __nccwpck_require__(279);
class User extends instruction_1.Instruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
}
exports.User = User;


/***/ }),

/***/ 347:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Volume = void 0;
const jsonInstruction_1 = __nccwpck_require__(305);
class Volume extends jsonInstruction_1.JSONInstruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
}
exports.Volume = Volume;


/***/ }),

/***/ 529:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Workdir = void 0;
const instruction_1 = __nccwpck_require__(279);
class Workdir extends instruction_1.Instruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
    /**
     * Returns the path that has been defined. Note that this path may
     * be absolute or relative depending on what was written in the
     * instruction.
     *
     * @return the working directory's path, or null if this
     *         instruction has no arguments
     */
    getPath() {
        return this.getArgumentsContent();
    }
    /**
     * Returns the absolute path that this instruction resolves to. The
     * function will inspect prior WORKDIR instructions in the current
     * image or another build stage in the Dockerfile to try to
     * determine this.
     *
     * @return the absolute path of the working directory, or null if
     *         this instruction has no arguments, or undefined if it
     *         cannot be determined because only relative paths could be
     *         found
     */
    getAbsolutePath() {
        const path = this.getPath();
        if (path === null || path.startsWith("/")) {
            return path;
        }
        const startLine = this.getRange().start.line;
        const hierarchy = this.dockerfile.getStageHierarchy(startLine);
        for (let i = hierarchy.length - 1; i >= 0; i--) {
            const workdirs = hierarchy[i].getWORKDIRs();
            for (let j = workdirs.length - 1; j >= 0; j--) {
                if (workdirs[j].getRange().start.line < startLine) {
                    const parent = workdirs[j].getAbsolutePath();
                    if (parent === undefined || parent === null) {
                        return undefined;
                    }
                    return parent.endsWith("/") ? parent + path : parent + "/" + path;
                }
            }
        }
        return undefined;
    }
}
exports.Workdir = Workdir;


/***/ }),

/***/ 702:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.JSONArgument = void 0;
const argument_1 = __nccwpck_require__(940);
class JSONArgument extends argument_1.Argument {
    constructor(value, range, jsonRange) {
        super(value, range);
        this.jsonRange = jsonRange;
    }
    getJSONRange() {
        return this.jsonRange;
    }
    getJSONValue() {
        let value = super.getValue();
        value = value.substring(1, value.length - 1);
        return value;
    }
}
exports.JSONArgument = JSONArgument;


/***/ }),

/***/ 305:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.JSONInstruction = void 0;
const vscode_languageserver_types_1 = __nccwpck_require__(612);
const argument_1 = __nccwpck_require__(940);
const jsonArgument_1 = __nccwpck_require__(702);
const modifiableInstruction_1 = __nccwpck_require__(393);
class JSONInstruction extends modifiableInstruction_1.ModifiableInstruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
        this.openingBracket = null;
        this.closingBracket = null;
        this.jsonStrings = [];
        const argsContent = this.getRawArgumentsContent();
        if (argsContent === null) {
            return;
        }
        const args = this.getArguments();
        if (args.length === 1 && args[0].getValue() === "[]") {
            let argRange = args[0].getRange();
            this.openingBracket = new argument_1.Argument("[", vscode_languageserver_types_1.Range.create(argRange.start.line, argRange.start.character, argRange.start.line, argRange.start.character + 1));
            this.closingBracket = new argument_1.Argument("]", vscode_languageserver_types_1.Range.create(argRange.start.line, argRange.start.character + 1, argRange.end.line, argRange.end.character));
            return;
        }
        else if (args.length === 2 && args[0].getValue() === '[' && args[1].getValue() === ']') {
            this.openingBracket = args[0];
            this.closingBracket = args[1];
            return;
        }
        const argsOffset = document.offsetAt(this.getArgumentsRange().start);
        let start = -1;
        let last = "";
        let quoted = false;
        let escapedArg = "";
        argsCheck: for (let i = 0; i < argsContent.length; i++) {
            let char = argsContent.charAt(i);
            switch (char) {
                case '[':
                    if (last === "") {
                        this.openingBracket = new argument_1.Argument("[", vscode_languageserver_types_1.Range.create(document.positionAt(argsOffset + i), document.positionAt(argsOffset + i + 1)));
                        last = '[';
                    }
                    else if (quoted) {
                        escapedArg = escapedArg + char;
                    }
                    else {
                        break argsCheck;
                    }
                    break;
                case '"':
                    if (last === '[' || last === ',') {
                        start = i;
                        quoted = true;
                        last = '"';
                        escapedArg = escapedArg + char;
                        continue;
                    }
                    else if (last === '"') {
                        if (quoted) {
                            escapedArg = escapedArg + char;
                            // quoted string done
                            quoted = false;
                            this.jsonStrings.push(new jsonArgument_1.JSONArgument(escapedArg, vscode_languageserver_types_1.Range.create(document.positionAt(argsOffset + start), document.positionAt(argsOffset + i + 1)), vscode_languageserver_types_1.Range.create(document.positionAt(argsOffset + start + 1), document.positionAt(argsOffset + i))));
                            escapedArg = "";
                        }
                        else {
                            // should be a , or a ]
                            break argsCheck;
                        }
                    }
                    else {
                        break argsCheck;
                    }
                    break;
                case ',':
                    if (quoted) {
                        escapedArg = escapedArg + char;
                    }
                    else {
                        if (last === '"') {
                            last = ',';
                        }
                        else {
                            break argsCheck;
                        }
                    }
                    break;
                case ']':
                    if (quoted) {
                        escapedArg = escapedArg + char;
                    }
                    else if (last !== "") {
                        this.closingBracket = new argument_1.Argument("]", vscode_languageserver_types_1.Range.create(document.positionAt(argsOffset + i), document.positionAt(argsOffset + i + 1)));
                        break argsCheck;
                    }
                    break;
                case ' ':
                case '\t':
                    break;
                case '\\':
                    if (quoted) {
                        switch (argsContent.charAt(i + 1)) {
                            case '"':
                            case '\\':
                                escapedArg = escapedArg + argsContent.charAt(i + 1);
                                i++;
                                continue;
                            case ' ':
                            case '\t':
                                escapeCheck: for (let j = i + 2; j < argsContent.length; j++) {
                                    switch (argsContent.charAt(j)) {
                                        case '\r':
                                            // offset one more for \r\n
                                            j++;
                                        case '\n':
                                            i = j;
                                            continue argsCheck;
                                        case ' ':
                                        case '\t':
                                            break;
                                        default:
                                            break escapeCheck;
                                    }
                                }
                                break;
                            case '\r':
                                // offset one more for \r\n
                                i++;
                            default:
                                i++;
                                continue;
                        }
                    }
                    else {
                        escapeCheck: for (let j = i + 1; j < argsContent.length; j++) {
                            switch (argsContent.charAt(j)) {
                                case '\r':
                                    // offset one more for \r\n
                                    j++;
                                case '\n':
                                    i = j;
                                    continue argsCheck;
                                case ' ':
                                case '\t':
                                    break;
                                default:
                                    break escapeCheck;
                            }
                        }
                    }
                    break argsCheck;
                default:
                    if (!quoted) {
                        break argsCheck;
                    }
                    escapedArg = escapedArg + char;
                    break;
            }
        }
    }
    stopSearchingForFlags(_value) {
        return true;
    }
    getOpeningBracket() {
        return this.openingBracket;
    }
    getJSONStrings() {
        return this.jsonStrings;
    }
    getClosingBracket() {
        return this.closingBracket;
    }
}
exports.JSONInstruction = JSONInstruction;


/***/ }),

/***/ 5:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Line = void 0;
class Line {
    constructor(document, range) {
        this.document = document;
        this.range = range;
    }
    getRange() {
        return this.range;
    }
    getTextContent() {
        return this.document.getText().substring(this.document.offsetAt(this.range.start), this.document.offsetAt(this.range.end));
    }
    isAfter(line) {
        return this.range.start.line > line.range.start.line;
    }
    isBefore(line) {
        return this.range.start.line < line;
    }
}
exports.Line = Line;


/***/ }),

/***/ 390:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.DockerfileParser = exports.DefaultVariables = exports.Directive = exports.Keyword = exports.Workdir = exports.Volume = exports.User = exports.Stopsignal = exports.Shell = exports.Run = exports.PropertyInstruction = exports.Onbuild = exports.ModifiableInstruction = exports.Label = exports.JSONInstruction = exports.Heredoc = exports.Healthcheck = exports.From = exports.Env = exports.Entrypoint = exports.Copy = exports.Cmd = exports.Arg = exports.Add = exports.Variable = exports.Property = exports.ParserDirective = exports.Line = exports.Instruction = exports.Flag = exports.Comment = exports.JSONArgument = exports.Argument = void 0;
var argument_1 = __nccwpck_require__(940);
Object.defineProperty(exports, "Argument", ({ enumerable: true, get: function () { return argument_1.Argument; } }));
var jsonArgument_1 = __nccwpck_require__(702);
Object.defineProperty(exports, "JSONArgument", ({ enumerable: true, get: function () { return jsonArgument_1.JSONArgument; } }));
const comment_1 = __nccwpck_require__(22);
Object.defineProperty(exports, "Comment", ({ enumerable: true, get: function () { return comment_1.Comment; } }));
const parser_1 = __nccwpck_require__(988);
var flag_1 = __nccwpck_require__(77);
Object.defineProperty(exports, "Flag", ({ enumerable: true, get: function () { return flag_1.Flag; } }));
const instruction_1 = __nccwpck_require__(279);
Object.defineProperty(exports, "Instruction", ({ enumerable: true, get: function () { return instruction_1.Instruction; } }));
var line_1 = __nccwpck_require__(5);
Object.defineProperty(exports, "Line", ({ enumerable: true, get: function () { return line_1.Line; } }));
const parserDirective_1 = __nccwpck_require__(499);
Object.defineProperty(exports, "ParserDirective", ({ enumerable: true, get: function () { return parserDirective_1.ParserDirective; } }));
var property_1 = __nccwpck_require__(602);
Object.defineProperty(exports, "Property", ({ enumerable: true, get: function () { return property_1.Property; } }));
var variable_1 = __nccwpck_require__(743);
Object.defineProperty(exports, "Variable", ({ enumerable: true, get: function () { return variable_1.Variable; } }));
var add_1 = __nccwpck_require__(618);
Object.defineProperty(exports, "Add", ({ enumerable: true, get: function () { return add_1.Add; } }));
const arg_1 = __nccwpck_require__(381);
Object.defineProperty(exports, "Arg", ({ enumerable: true, get: function () { return arg_1.Arg; } }));
const cmd_1 = __nccwpck_require__(517);
Object.defineProperty(exports, "Cmd", ({ enumerable: true, get: function () { return cmd_1.Cmd; } }));
const copy_1 = __nccwpck_require__(444);
Object.defineProperty(exports, "Copy", ({ enumerable: true, get: function () { return copy_1.Copy; } }));
const entrypoint_1 = __nccwpck_require__(835);
Object.defineProperty(exports, "Entrypoint", ({ enumerable: true, get: function () { return entrypoint_1.Entrypoint; } }));
const env_1 = __nccwpck_require__(822);
Object.defineProperty(exports, "Env", ({ enumerable: true, get: function () { return env_1.Env; } }));
const from_1 = __nccwpck_require__(377);
Object.defineProperty(exports, "From", ({ enumerable: true, get: function () { return from_1.From; } }));
const healthcheck_1 = __nccwpck_require__(167);
Object.defineProperty(exports, "Healthcheck", ({ enumerable: true, get: function () { return healthcheck_1.Healthcheck; } }));
var heredoc_1 = __nccwpck_require__(599);
Object.defineProperty(exports, "Heredoc", ({ enumerable: true, get: function () { return heredoc_1.Heredoc; } }));
var jsonInstruction_1 = __nccwpck_require__(305);
Object.defineProperty(exports, "JSONInstruction", ({ enumerable: true, get: function () { return jsonInstruction_1.JSONInstruction; } }));
var label_1 = __nccwpck_require__(871);
Object.defineProperty(exports, "Label", ({ enumerable: true, get: function () { return label_1.Label; } }));
var modifiableInstruction_1 = __nccwpck_require__(393);
Object.defineProperty(exports, "ModifiableInstruction", ({ enumerable: true, get: function () { return modifiableInstruction_1.ModifiableInstruction; } }));
var onbuild_1 = __nccwpck_require__(554);
Object.defineProperty(exports, "Onbuild", ({ enumerable: true, get: function () { return onbuild_1.Onbuild; } }));
var propertyInstruction_1 = __nccwpck_require__(984);
Object.defineProperty(exports, "PropertyInstruction", ({ enumerable: true, get: function () { return propertyInstruction_1.PropertyInstruction; } }));
var run_1 = __nccwpck_require__(224);
Object.defineProperty(exports, "Run", ({ enumerable: true, get: function () { return run_1.Run; } }));
var shell_1 = __nccwpck_require__(523);
Object.defineProperty(exports, "Shell", ({ enumerable: true, get: function () { return shell_1.Shell; } }));
var stopsignal_1 = __nccwpck_require__(301);
Object.defineProperty(exports, "Stopsignal", ({ enumerable: true, get: function () { return stopsignal_1.Stopsignal; } }));
var user_1 = __nccwpck_require__(998);
Object.defineProperty(exports, "User", ({ enumerable: true, get: function () { return user_1.User; } }));
var volume_1 = __nccwpck_require__(347);
Object.defineProperty(exports, "Volume", ({ enumerable: true, get: function () { return volume_1.Volume; } }));
const workdir_1 = __nccwpck_require__(529);
Object.defineProperty(exports, "Workdir", ({ enumerable: true, get: function () { return workdir_1.Workdir; } }));
var Keyword;
(function (Keyword) {
    Keyword["ADD"] = "ADD";
    Keyword["ARG"] = "ARG";
    Keyword["CMD"] = "CMD";
    Keyword["COPY"] = "COPY";
    Keyword["ENTRYPOINT"] = "ENTRYPOINT";
    Keyword["ENV"] = "ENV";
    Keyword["EXPOSE"] = "EXPOSE";
    Keyword["FROM"] = "FROM";
    Keyword["HEALTHCHECK"] = "HEALTHCHECK";
    Keyword["LABEL"] = "LABEL";
    Keyword["MAINTAINER"] = "MAINTAINER";
    Keyword["ONBUILD"] = "ONBUILD";
    Keyword["RUN"] = "RUN";
    Keyword["SHELL"] = "SHELL";
    Keyword["STOPSIGNAL"] = "STOPSIGNAL";
    Keyword["USER"] = "USER";
    Keyword["VOLUME"] = "VOLUME";
    Keyword["WORKDIR"] = "WORKDIR";
})(Keyword || (exports.Keyword = Keyword = {}));
var Directive;
(function (Directive) {
    Directive["escape"] = "escape";
    Directive["syntax"] = "syntax";
})(Directive || (exports.Directive = Directive = {}));
exports.DefaultVariables = [
    "ALL_PROXY", "all_proxy",
    "FTP_PROXY", "ftp_proxy",
    "HTTP_PROXY", "http_proxy",
    "HTTPS_PROXY", "https_proxy",
    "NO_PROXY", "no_proxy"
];
var DockerfileParser;
(function (DockerfileParser) {
    function parse(content) {
        let parser = new parser_1.Parser();
        return parser.parse(content);
    }
    DockerfileParser.parse = parse;
})(DockerfileParser || (exports.DockerfileParser = DockerfileParser = {}));


/***/ }),

/***/ 393:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.ModifiableInstruction = void 0;
const vscode_languageserver_types_1 = __nccwpck_require__(612);
const flag_1 = __nccwpck_require__(77);
const instruction_1 = __nccwpck_require__(279);
class ModifiableInstruction extends instruction_1.Instruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
    getFlags() {
        if (!this.flags) {
            this.flags = [];
            for (let arg of this.getArguments()) {
                let value = arg.getValue();
                if (this.stopSearchingForFlags(value)) {
                    return this.flags;
                }
                else if (value.indexOf("--") === 0) {
                    let range = arg.getRange();
                    let rawValue = this.document.getText().substring(this.document.offsetAt(range.start), this.document.offsetAt(range.end));
                    let nameIndex = value.indexOf('=');
                    let index = rawValue.indexOf('=');
                    let firstMatch = false;
                    let secondMatch = false;
                    let startIndex = -1;
                    nameSearchLoop: for (let i = 0; i < rawValue.length; i++) {
                        switch (rawValue.charAt(i)) {
                            case '\\':
                            case ' ':
                            case '\t':
                            case '\r':
                            case '\n':
                                break;
                            case '-':
                                if (secondMatch) {
                                    startIndex = i;
                                    break nameSearchLoop;
                                }
                                else if (firstMatch) {
                                    secondMatch = true;
                                }
                                else {
                                    firstMatch = true;
                                }
                                break;
                            default:
                                startIndex = i;
                                break nameSearchLoop;
                        }
                    }
                    let nameStart = this.document.positionAt(this.document.offsetAt(range.start) + startIndex);
                    if (index === -1) {
                        this.flags.push(new flag_1.Flag(this.document, range, value.substring(2), vscode_languageserver_types_1.Range.create(nameStart, range.end), null, null));
                    }
                    else if (index === value.length - 1) {
                        let nameEnd = this.document.positionAt(this.document.offsetAt(range.start) + index);
                        this.flags.push(new flag_1.Flag(this.document, range, value.substring(2, index), vscode_languageserver_types_1.Range.create(nameStart, nameEnd), "", vscode_languageserver_types_1.Range.create(range.end, range.end)));
                    }
                    else {
                        let nameEnd = this.document.positionAt(this.document.offsetAt(range.start) + index);
                        this.flags.push(new flag_1.Flag(this.document, range, value.substring(2, nameIndex), vscode_languageserver_types_1.Range.create(nameStart, nameEnd), value.substring(nameIndex + 1), vscode_languageserver_types_1.Range.create(this.document.positionAt(this.document.offsetAt(range.start) + index + 1), range.end)));
                    }
                }
            }
        }
        return this.flags;
    }
    getArguments() {
        const args = super.getArguments();
        const flags = this.getFlags();
        if (flags.length === 0) {
            return args;
        }
        for (let i = 0; i < flags.length; i++) {
            args.shift();
        }
        return args;
    }
}
exports.ModifiableInstruction = ModifiableInstruction;


/***/ }),

/***/ 988:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

/* --------------------------------------------------------------------------------------------
 * Copyright (c) Remy Suen. All rights reserved.
 * Licensed under the MIT License. See License.txt in the project root for license information.
 * ------------------------------------------------------------------------------------------ */

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Parser = void 0;
const vscode_languageserver_textdocument_1 = __nccwpck_require__(383);
const vscode_languageserver_types_1 = __nccwpck_require__(612);
const comment_1 = __nccwpck_require__(22);
const parserDirective_1 = __nccwpck_require__(499);
const instruction_1 = __nccwpck_require__(279);
const add_1 = __nccwpck_require__(618);
const arg_1 = __nccwpck_require__(381);
const cmd_1 = __nccwpck_require__(517);
const copy_1 = __nccwpck_require__(444);
const env_1 = __nccwpck_require__(822);
const entrypoint_1 = __nccwpck_require__(835);
const from_1 = __nccwpck_require__(377);
const healthcheck_1 = __nccwpck_require__(167);
const label_1 = __nccwpck_require__(871);
const onbuild_1 = __nccwpck_require__(554);
const run_1 = __nccwpck_require__(224);
const shell_1 = __nccwpck_require__(523);
const stopsignal_1 = __nccwpck_require__(301);
const workdir_1 = __nccwpck_require__(529);
const user_1 = __nccwpck_require__(998);
const volume_1 = __nccwpck_require__(347);
const dockerfile_1 = __nccwpck_require__(933);
const util_1 = __nccwpck_require__(459);
const main_1 = __nccwpck_require__(390);
class Parser {
    constructor() {
        this.escapeChar = null;
    }
    static createInstruction(document, dockerfile, escapeChar, lineRange, instruction, instructionRange) {
        switch (instruction.toUpperCase()) {
            case "ADD":
                return new add_1.Add(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "ARG":
                return new arg_1.Arg(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "CMD":
                return new cmd_1.Cmd(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "COPY":
                return new copy_1.Copy(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "ENTRYPOINT":
                return new entrypoint_1.Entrypoint(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "ENV":
                return new env_1.Env(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "FROM":
                return new from_1.From(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "HEALTHCHECK":
                return new healthcheck_1.Healthcheck(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "LABEL":
                return new label_1.Label(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "ONBUILD":
                return new onbuild_1.Onbuild(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "RUN":
                return new run_1.Run(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "SHELL":
                return new shell_1.Shell(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "STOPSIGNAL":
                return new stopsignal_1.Stopsignal(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "WORKDIR":
                return new workdir_1.Workdir(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "USER":
                return new user_1.User(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "VOLUME":
                return new volume_1.Volume(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
        }
        return new instruction_1.Instruction(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
    }
    getParserDirectives(document, buffer) {
        // reset the escape directive in between runs
        const directives = [];
        this.escapeChar = '';
        const offset = util_1.Util.isUTF8BOM(buffer.substring(0, 1)) ? 1 : 0;
        directiveCheck: for (let i = offset; i < buffer.length; i++) {
            switch (buffer.charAt(i)) {
                case ' ':
                case '\t':
                    break;
                case '\r':
                case '\n':
                    // blank lines stop the parsing of directives immediately
                    break directiveCheck;
                case '#':
                    let directiveStart = -1;
                    let directiveEnd = -1;
                    for (let j = i + 1; j < buffer.length; j++) {
                        let char = buffer.charAt(j);
                        switch (char) {
                            case ' ':
                            case '\t':
                                if (directiveStart !== -1 && directiveEnd === -1) {
                                    directiveEnd = j;
                                }
                                break;
                            case '\r':
                            case '\n':
                                break directiveCheck;
                            case '=':
                                let valueStart = -1;
                                let valueEnd = -1;
                                if (directiveEnd === -1) {
                                    directiveEnd = j;
                                }
                                // assume the line ends with the file
                                let lineEnd = buffer.length;
                                directiveValue: for (let k = j + 1; k < buffer.length; k++) {
                                    char = buffer.charAt(k);
                                    switch (char) {
                                        case '\r':
                                        case '\n':
                                            if (valueStart !== -1 && valueEnd === -1) {
                                                valueEnd = k;
                                            }
                                            // line break found, reset
                                            lineEnd = k;
                                            break directiveValue;
                                        case '\t':
                                        case ' ':
                                            if (valueStart !== -1 && valueEnd === -1) {
                                                valueEnd = k;
                                            }
                                            continue;
                                        default:
                                            if (valueStart === -1) {
                                                valueStart = k;
                                            }
                                            break;
                                    }
                                }
                                if (directiveStart === -1) {
                                    // no directive, it's a regular comment
                                    break directiveCheck;
                                }
                                if (valueStart === -1) {
                                    // no non-whitespace characters found, highlight all the characters then
                                    valueStart = j + 1;
                                    valueEnd = lineEnd;
                                }
                                else if (valueEnd === -1) {
                                    // reached EOF
                                    valueEnd = buffer.length;
                                }
                                const lineRange = vscode_languageserver_types_1.Range.create(document.positionAt(i), document.positionAt(lineEnd));
                                const nameRange = vscode_languageserver_types_1.Range.create(document.positionAt(directiveStart), document.positionAt(directiveEnd));
                                const valueRange = vscode_languageserver_types_1.Range.create(document.positionAt(valueStart), document.positionAt(valueEnd));
                                directives.push(new parserDirective_1.ParserDirective(document, lineRange, nameRange, valueRange));
                                directiveStart = -1;
                                if (buffer.charAt(valueEnd) === '\r') {
                                    // skip over the \r
                                    i = valueEnd + 1;
                                }
                                else {
                                    i = valueEnd;
                                }
                                continue directiveCheck;
                            default:
                                if (directiveStart === -1) {
                                    directiveStart = j;
                                }
                                break;
                        }
                    }
                    break;
                default:
                    break directiveCheck;
            }
        }
        return directives;
    }
    parse(buffer) {
        this.document = vscode_languageserver_textdocument_1.TextDocument.create("", "", 0, buffer);
        this.buffer = buffer;
        let dockerfile = new dockerfile_1.Dockerfile(this.document);
        let directives = this.getParserDirectives(this.document, this.buffer);
        let offset = 0;
        this.escapeChar = '\\';
        if (directives.length > 0) {
            dockerfile.setDirectives(directives);
            this.escapeChar = dockerfile.getEscapeCharacter();
            // start parsing after the directives
            offset = this.document.offsetAt(vscode_languageserver_types_1.Position.create(directives.length, 0));
        }
        else if (util_1.Util.isUTF8BOM(buffer.substring(0, 1))) {
            offset = 1;
        }
        for (let i = offset; i < this.buffer.length; i++) {
            const char = this.buffer.charAt(i);
            switch (char) {
                case ' ':
                case '\t':
                case '\r':
                case '\n':
                    break;
                case '#':
                    i = this.processComment(dockerfile, i);
                    break;
                default:
                    i = this.processInstruction(dockerfile, char, i);
                    break;
            }
        }
        dockerfile.organizeComments();
        return dockerfile;
    }
    processInstruction(dockerfile, char, start) {
        let instruction = char;
        let instructionEnd = -1;
        let escapedInstruction = false;
        instructionCheck: for (let i = start + 1; i < this.buffer.length; i++) {
            char = this.buffer.charAt(i);
            switch (char) {
                case this.escapeChar:
                    escapedInstruction = true;
                    char = this.buffer.charAt(i + 1);
                    if (char === '\r' || char === '\n') {
                        if (instructionEnd === -1) {
                            instructionEnd = i;
                        }
                        i++;
                    }
                    else if (char === ' ' || char === '\t') {
                        for (let j = i + 2; j < this.buffer.length; j++) {
                            switch (this.buffer.charAt(j)) {
                                case ' ':
                                case '\t':
                                    break;
                                case '\r':
                                case '\n':
                                    i = j;
                                    continue instructionCheck;
                                default:
                                    // found an argument, mark end of instruction
                                    instructionEnd = i + 1;
                                    instruction = instruction + this.escapeChar;
                                    i = j - 2;
                                    continue instructionCheck;
                            }
                        }
                        // reached EOF
                        instructionEnd = i + 1;
                        instruction = instruction + this.escapeChar;
                        break instructionCheck;
                    }
                    else {
                        instructionEnd = i + 1;
                        instruction = instruction + this.escapeChar;
                        // reset and consider it as one contiguous word
                        escapedInstruction = false;
                    }
                    break;
                case ' ':
                case '\t':
                    if (escapedInstruction) {
                        // on an escaped newline, need to search for non-whitespace
                        escapeCheck: for (let j = i + 1; j < this.buffer.length; j++) {
                            switch (this.buffer.charAt(j)) {
                                case ' ':
                                case '\t':
                                    break;
                                case '\r':
                                case '\n':
                                    i = j;
                                    continue instructionCheck;
                                default:
                                    break escapeCheck;
                            }
                        }
                        escapedInstruction = false;
                    }
                    if (instructionEnd === -1) {
                        instructionEnd = i;
                    }
                    i = this.processArguments(dockerfile, instruction, instructionEnd, start, i);
                    dockerfile.addInstruction(this.createInstruction(dockerfile, instruction, start, instructionEnd, i));
                    return i;
                case '\r':
                case '\n':
                    if (escapedInstruction) {
                        continue;
                    }
                    if (instructionEnd === -1) {
                        instructionEnd = i;
                    }
                    dockerfile.addInstruction(this.createInstruction(dockerfile, instruction, start, i, i));
                    return i;
                case '#':
                    if (escapedInstruction) {
                        continue;
                    }
                default:
                    instructionEnd = i + 1;
                    instruction = instruction + char;
                    escapedInstruction = false;
                    break;
            }
        }
        // reached EOF
        if (instructionEnd === -1) {
            instructionEnd = this.buffer.length;
        }
        dockerfile.addInstruction(this.createInstruction(dockerfile, instruction, start, instructionEnd, this.buffer.length));
        return this.buffer.length;
    }
    processHeredocs(instruction, offset) {
        let keyword = instruction.getKeyword();
        if (keyword === main_1.Keyword.ONBUILD) {
            instruction = instruction.getTriggerInstruction();
            if (instruction === null) {
                return offset;
            }
            keyword = instruction.getKeyword();
        }
        if (keyword !== main_1.Keyword.ADD && keyword !== main_1.Keyword.COPY && keyword !== main_1.Keyword.RUN) {
            return offset;
        }
        const heredocs = [];
        let tabbed = false;
        for (const arg of instruction.getArguments()) {
            const value = arg.getValue();
            if (value.startsWith("<<") && value.length > 2) {
                if (value.startsWith("<<-")) {
                    tabbed = true;
                }
                const name = util_1.Util.parseHeredocName(value);
                if (name !== null) {
                    heredocs.push(name);
                }
            }
        }
        if (heredocs.length > 0) {
            for (const heredoc of heredocs) {
                offset = this.parseHeredoc(heredoc, offset, tabbed);
            }
        }
        return offset;
    }
    processArguments(dockerfile, instruction, instructionEnd, start, offset) {
        let escaped = false;
        argumentsCheck: for (let i = offset + 1; i < this.buffer.length; i++) {
            switch (this.buffer.charAt(i)) {
                case '\r':
                case '\n':
                    if (escaped) {
                        continue;
                    }
                    return this.processHeredocs(this.createInstruction(dockerfile, instruction, start, instructionEnd, i), i);
                case this.escapeChar:
                    const next = this.buffer.charAt(i + 1);
                    if (next === '\n' || next === '\r') {
                        escaped = true;
                        i++;
                    }
                    else if (next === ' ' || next === '\t') {
                        for (let j = i + 2; j < this.buffer.length; j++) {
                            switch (this.buffer.charAt(j)) {
                                case ' ':
                                case '\t':
                                    break;
                                case '\r':
                                case '\n':
                                    escaped = true;
                                default:
                                    i = j;
                                    continue argumentsCheck;
                            }
                        }
                        // reached EOF
                        return this.buffer.length;
                    }
                    continue;
                case '#':
                    if (escaped) {
                        i = this.processComment(dockerfile, i);
                        continue argumentsCheck;
                    }
                    break;
                case ' ':
                case '\t':
                    break;
                default:
                    if (escaped) {
                        escaped = false;
                    }
                    break;
            }
        }
        return this.buffer.length;
    }
    processComment(dockerfile, start) {
        let end = this.buffer.length;
        commentLoop: for (let i = start + 1; i < this.buffer.length; i++) {
            switch (this.buffer.charAt(i)) {
                case '\r':
                case '\n':
                    end = i;
                    break commentLoop;
            }
        }
        const range = vscode_languageserver_types_1.Range.create(this.document.positionAt(start), this.document.positionAt(end));
        dockerfile.addComment(new comment_1.Comment(this.document, range));
        return end;
    }
    parseHeredoc(heredocName, offset, tabbed) {
        let startWord = -1;
        let lineStart = true;
        for (let i = offset; i < this.buffer.length; i++) {
            switch (this.buffer.charAt(i)) {
                case ' ':
                    lineStart = false;
                    break;
                case '\t':
                    if (!tabbed) {
                        lineStart = false;
                    }
                    break;
                case '\r':
                case '\n':
                    if (startWord !== -1 && heredocName === this.buffer.substring(startWord, i)) {
                        return i;
                    }
                    startWord = -1;
                    lineStart = true;
                    break;
                default:
                    if (lineStart) {
                        startWord = i;
                        lineStart = false;
                    }
                    break;
            }
        }
        return this.buffer.length;
    }
    createInstruction(dockerfile, instruction, start, instructionEnd, end) {
        const startPosition = this.document.positionAt(start);
        const instructionRange = vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(instructionEnd));
        const lineRange = vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(end));
        return Parser.createInstruction(this.document, dockerfile, this.escapeChar, lineRange, instruction, instructionRange);
    }
}
exports.Parser = Parser;


/***/ }),

/***/ 499:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.ParserDirective = void 0;
const main_1 = __nccwpck_require__(390);
const line_1 = __nccwpck_require__(5);
class ParserDirective extends line_1.Line {
    constructor(document, range, nameRange, valueRange) {
        super(document, range);
        this.nameRange = nameRange;
        this.valueRange = valueRange;
    }
    toString() {
        return "# " + this.getName() + '=' + this.getValue();
    }
    getNameRange() {
        return this.nameRange;
    }
    getValueRange() {
        return this.valueRange;
    }
    getName() {
        return this.document.getText().substring(this.document.offsetAt(this.nameRange.start), this.document.offsetAt(this.nameRange.end));
    }
    getValue() {
        return this.document.getText().substring(this.document.offsetAt(this.valueRange.start), this.document.offsetAt(this.valueRange.end));
    }
    getDirective() {
        const directive = main_1.Directive[this.getName().toLowerCase()];
        return directive === undefined ? null : directive;
    }
}
exports.ParserDirective = ParserDirective;


/***/ }),

/***/ 602:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Property = void 0;
const vscode_languageserver_types_1 = __nccwpck_require__(612);
const util_1 = __nccwpck_require__(459);
class Property {
    constructor(document, escapeChar, arg, arg2) {
        this.assignmentOperatorRange = null;
        this.assignmentOperator = null;
        this.valueRange = null;
        this.value = null;
        this.document = document;
        this.escapeChar = escapeChar;
        this.nameRange = Property.getNameRange(document, arg);
        let value = document.getText().substring(document.offsetAt(this.nameRange.start), document.offsetAt(this.nameRange.end));
        this.name = Property.getValue(value, escapeChar);
        if (arg2) {
            this.valueRange = arg2.getRange();
            value = document.getText().substring(document.offsetAt(this.valueRange.start), document.offsetAt(this.valueRange.end));
            this.value = Property.getValue(value, escapeChar);
            this.range = vscode_languageserver_types_1.Range.create(this.nameRange.start, this.valueRange.end);
        }
        else {
            let argRange = arg.getRange();
            if (this.nameRange.start.line === argRange.start.line
                && this.nameRange.start.character === argRange.start.character
                && this.nameRange.end.line === argRange.end.line
                && this.nameRange.end.character === argRange.end.character) {
            }
            else {
                this.valueRange = Property.getValueRange(document, arg);
                value = document.getText().substring(document.offsetAt(this.valueRange.start), document.offsetAt(this.valueRange.end));
                this.value = Property.getValue(value, escapeChar);
                this.assignmentOperatorRange = vscode_languageserver_types_1.Range.create(this.nameRange.end, this.valueRange.start);
                this.assignmentOperator = "=";
            }
            this.range = argRange;
        }
    }
    getRange() {
        return this.range;
    }
    getName() {
        return this.name;
    }
    getNameRange() {
        return this.nameRange;
    }
    getValue() {
        return this.value;
    }
    getValueRange() {
        return this.valueRange;
    }
    /**
     * Retrieves the operator used for delimiting between the name and
     * value of this property. This will either be the "=" character
     * or null if a character was not used or if this property has no
     * value defined.
     */
    getAssignmentOperator() {
        return this.assignmentOperator;
    }
    getAssignmentOperatorRange() {
        return this.assignmentOperatorRange;
    }
    /**
     * Returns the value of this property including any enclosing
     * single or double quotes and relevant escape characters.
     * Escaped newlines and its associated contiguous whitespace
     * characters however will not be returned as they are deemed to
     * be uninteresting to clients trying to return a Dockerfile.
     *
     * @return the unescaped value of this property or null if this
     *         property has no associated value
     */
    getUnescapedValue() {
        if (this.valueRange === null) {
            return null;
        }
        let escaped = false;
        let rawValue = "";
        let value = this.document.getText().substring(this.document.offsetAt(this.valueRange.start), this.document.offsetAt(this.valueRange.end));
        rawLoop: for (let i = 0; i < value.length; i++) {
            let char = value.charAt(i);
            switch (char) {
                case this.escapeChar:
                    for (let j = i + 1; j < value.length; j++) {
                        switch (value.charAt(j)) {
                            case '\r':
                                j++;
                            case '\n':
                                escaped = true;
                                i = j;
                                continue rawLoop;
                            case ' ':
                            case '\t':
                                break;
                            default:
                                rawValue = rawValue + char;
                                continue rawLoop;
                        }
                    }
                    // this happens if there's only whitespace after the escape character
                    rawValue = rawValue + char;
                    break;
                case '\r':
                case '\n':
                    break;
                case ' ':
                case '\t':
                    if (!escaped) {
                        rawValue = rawValue + char;
                    }
                    break;
                case '#':
                    if (escaped) {
                        for (let j = i + 1; j < value.length; j++) {
                            switch (value.charAt(j)) {
                                case '\r':
                                    j++;
                                case '\n':
                                    i = j;
                                    continue rawLoop;
                            }
                        }
                    }
                    else {
                        rawValue = rawValue + char;
                    }
                    break;
                default:
                    rawValue = rawValue + char;
                    escaped = false;
                    break;
            }
        }
        return rawValue;
    }
    static getNameRange(document, arg) {
        let value = arg.getValue();
        let index = value.indexOf('=');
        if (index !== -1) {
            let initial = value.charAt(0);
            let before = value.charAt(index - 1);
            // check if content before the equals sign are in quotes
            // "var"=value
            // 'var'=value
            // otherwise, just assume it's a standard definition
            // var=value
            if ((initial === '"' && before === '"') || (initial === '\'' && before === '\'') || (initial !== '"' && initial !== '\'')) {
                return vscode_languageserver_types_1.Range.create(arg.getRange().start, document.positionAt(document.offsetAt(arg.getRange().start) + index));
            }
        }
        // no '=' found, just defined the property's name
        return arg.getRange();
    }
    static getValueRange(document, arg) {
        return vscode_languageserver_types_1.Range.create(document.positionAt(document.offsetAt(arg.getRange().start) + arg.getValue().indexOf('=') + 1), document.positionAt(document.offsetAt(arg.getRange().end)));
    }
    /**
     * Returns the actual value of this key-value pair. The value will
     * have its escape characters removed if applicable. If the value
     * spans multiple lines and there are comments nested within the
     * lines, they too will be removed.
     *
     * @return the value that this key-value pair will actually be, may
     *         be null if no value is defined, may be the empty string
     *         if the value only consists of whitespace
     */
    static getValue(value, escapeChar) {
        let escaped = false;
        const skip = util_1.Util.findLeadingNonWhitespace(value, escapeChar);
        if (skip !== 0 && value.charAt(skip) === '#') {
            // need to skip over comments
            escaped = true;
        }
        value = value.substring(skip);
        let first = value.charAt(0);
        let last = value.charAt(value.length - 1);
        let literal = first === '\'' || first === '"';
        let inSingle = (first === '\'' && last === '\'');
        let inDouble = false;
        if (first === '"') {
            for (let i = 1; i < value.length; i++) {
                if (value.charAt(i) === escapeChar) {
                    i++;
                }
                else if (value.charAt(i) === '"' && i === value.length - 1) {
                    inDouble = true;
                }
            }
        }
        if (inSingle || inDouble) {
            value = value.substring(1, value.length - 1);
        }
        let commentCheck = -1;
        let escapedValue = "";
        let start = 0;
        parseValue: for (let i = 0; i < value.length; i++) {
            let char = value.charAt(i);
            switch (char) {
                case escapeChar:
                    if (i + 1 === value.length) {
                        escapedValue = escapedValue + escapeChar;
                        break parseValue;
                    }
                    char = value.charAt(i + 1);
                    if (char === ' ' || char === '\t') {
                        whitespaceCheck: for (let j = i + 2; j < value.length; j++) {
                            let char2 = value.charAt(j);
                            switch (char2) {
                                case ' ':
                                case '\t':
                                    break;
                                case '\r':
                                    j++;
                                case '\n':
                                    escaped = true;
                                    i = j;
                                    continue parseValue;
                                default:
                                    if (!inDouble && !inSingle && !literal) {
                                        if (char2 === escapeChar) {
                                            // add the escaped character
                                            escapedValue = escapedValue + char;
                                            // now start parsing from the next escape character
                                            i = i + 1;
                                        }
                                        else {
                                            // the expectation is that this j = i + 2 here
                                            escapedValue = escapedValue + char + char2;
                                            i = j;
                                        }
                                        continue parseValue;
                                    }
                                    break whitespaceCheck;
                            }
                        }
                    }
                    if (inDouble) {
                        if (char === '\r') {
                            escaped = true;
                            i = i + 2;
                        }
                        else if (char === '\n') {
                            escaped = true;
                            i++;
                        }
                        else if (char !== '"') {
                            if (char === escapeChar) {
                                i++;
                            }
                            escapedValue = escapedValue + escapeChar;
                        }
                        continue parseValue;
                    }
                    else if (inSingle || literal) {
                        if (char === '\r') {
                            escaped = true;
                            i = i + 2;
                        }
                        else if (char === '\n') {
                            escaped = true;
                            i++;
                        }
                        else {
                            escapedValue = escapedValue + escapeChar;
                        }
                        continue parseValue;
                    }
                    else if (char === escapeChar) {
                        // double escape, append one and move on
                        escapedValue = escapedValue + escapeChar;
                        i++;
                    }
                    else if (char === '\r') {
                        escaped = true;
                        // offset one more for \r\n
                        i = i + 2;
                    }
                    else if (char === '\n') {
                        escaped = true;
                        i++;
                        start = i;
                    }
                    else {
                        // any other escapes are simply ignored
                        escapedValue = escapedValue + char;
                        i++;
                    }
                    break;
                case ' ':
                case '\t':
                    if (escaped && commentCheck === -1) {
                        commentCheck = i;
                    }
                    escapedValue = escapedValue + char;
                    break;
                case '\r':
                    i++;
                case '\n':
                    if (escaped && commentCheck !== -1) {
                        // rollback and remove the whitespace that was previously appended
                        escapedValue = escapedValue.substring(0, escapedValue.length - (i - commentCheck - 1));
                        commentCheck = -1;
                    }
                    break;
                case '#':
                    // a newline was escaped and now there's a comment
                    if (escaped) {
                        if (commentCheck !== -1) {
                            // rollback and remove the whitespace that was previously appended
                            escapedValue = escapedValue.substring(0, escapedValue.length - (i - commentCheck));
                            commentCheck = -1;
                        }
                        newlineCheck: for (let j = i + 1; j < value.length; j++) {
                            switch (value.charAt(j)) {
                                case '\r':
                                    j++;
                                case '\n':
                                    i = j;
                                    break newlineCheck;
                            }
                        }
                        continue parseValue;
                    }
                default:
                    if (escaped) {
                        escaped = false;
                        commentCheck = -1;
                    }
                    escapedValue = escapedValue + char;
                    break;
            }
        }
        return escapedValue;
    }
}
exports.Property = Property;


/***/ }),

/***/ 984:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.PropertyInstruction = void 0;
const vscode_languageserver_types_1 = __nccwpck_require__(612);
const instruction_1 = __nccwpck_require__(279);
const property_1 = __nccwpck_require__(602);
const argument_1 = __nccwpck_require__(940);
const util_1 = __nccwpck_require__(459);
class PropertyInstruction extends instruction_1.Instruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
        this.properties = undefined;
    }
    getProperties() {
        if (this.properties === undefined) {
            let args = this.getPropertyArguments();
            if (args.length === 0) {
                this.properties = [];
            }
            else if (args.length === 1) {
                this.properties = [new property_1.Property(this.document, this.escapeChar, args[0])];
            }
            else if (args.length === 2) {
                if (args[0].getValue().indexOf('=') === -1) {
                    this.properties = [new property_1.Property(this.document, this.escapeChar, args[0], args[1])];
                }
                else {
                    this.properties = [
                        new property_1.Property(this.document, this.escapeChar, args[0]),
                        new property_1.Property(this.document, this.escapeChar, args[1])
                    ];
                }
            }
            else if (args[0].getValue().indexOf('=') === -1) {
                let text = this.document.getText();
                let start = args[1].getRange().start;
                let end = args[args.length - 1].getRange().end;
                text = text.substring(this.document.offsetAt(start), this.document.offsetAt(end));
                this.properties = [new property_1.Property(this.document, this.escapeChar, args[0], new argument_1.Argument(text, vscode_languageserver_types_1.Range.create(args[1].getRange().start, args[args.length - 1].getRange().end)))];
            }
            else {
                this.properties = [];
                for (let i = 0; i < args.length; i++) {
                    this.properties.push(new property_1.Property(this.document, this.escapeChar, args[i]));
                }
            }
        }
        return this.properties;
    }
    /**
     * Goes from the back of the string and returns the first
     * non-whitespace character that is found. If an escape character
     * is found with newline characters, the escape character will
     * not be considered a non-whitespace character and its index in
     * the string will not be returned.
     *
     * @param content the string to search through
     * @return the index in the string for the first non-whitespace
     *         character when searching from the end of the string
     */
    findTrailingNonWhitespace(content) {
        // loop back to find the first non-whitespace character
        let index = content.length;
        whitespaceCheck: for (let i = content.length - 1; i >= 0; i--) {
            switch (content.charAt(i)) {
                case ' ':
                case '\t':
                    continue;
                case '\n':
                    if (content.charAt(i - 1) === '\r') {
                        i = i - 1;
                    }
                case '\r':
                    newlineCheck: for (let j = i - 1; j >= 0; j--) {
                        switch (content.charAt(j)) {
                            case ' ':
                            case '\t':
                            case '\r':
                            case '\n':
                            case this.escapeChar:
                                continue;
                            default:
                                index = j;
                                break newlineCheck;
                        }
                    }
                    break whitespaceCheck;
                default:
                    index = i;
                    break whitespaceCheck;
            }
        }
        return index;
    }
    getPropertyArguments() {
        const args = [];
        let range = this.getInstructionRange();
        let instructionNameEndOffset = this.document.offsetAt(range.end);
        let extra = instructionNameEndOffset - this.document.offsetAt(range.start);
        let content = this.getTextContent();
        let fullArgs = content.substring(extra);
        let start = util_1.Util.findLeadingNonWhitespace(fullArgs, this.escapeChar);
        if (start === -1) {
            // only whitespace found, no arguments
            return [];
        }
        const startPosition = this.document.positionAt(instructionNameEndOffset + start);
        // records whether the parser has just processed an escaped newline or not,
        // if our starting position is not on the same line as the instruction then
        // the start of the content is already on an escaped line
        let escaped = range.start.line !== startPosition.line;
        // flag to track if the last character was an escape character
        let endingEscape = false;
        // position before the first escape character was hit
        let mark = -1;
        let end = this.findTrailingNonWhitespace(fullArgs);
        content = fullArgs.substring(start, end + 1);
        let argStart = escaped ? -1 : 0;
        let spaced = false;
        argumentLoop: for (let i = 0; i < content.length; i++) {
            let char = content.charAt(i);
            switch (char) {
                case this.escapeChar:
                    if (i + 1 === content.length) {
                        endingEscape = true;
                        break argumentLoop;
                    }
                    if (!escaped) {
                        mark = i;
                    }
                    switch (content.charAt(i + 1)) {
                        case ' ':
                        case '\t':
                            if (!util_1.Util.isWhitespace(content.charAt(i + 2))) {
                                // space was escaped, continue as normal
                                i = i + 1;
                                continue argumentLoop;
                            }
                            // whitespace encountered, need to figure out if it extends to EOL
                            whitespaceCheck: for (let j = i + 2; j < content.length; j++) {
                                switch (content.charAt(j)) {
                                    case '\r':
                                        // offset one more for \r\n
                                        j++;
                                    case '\n':
                                        // whitespace only, safe to skip
                                        escaped = true;
                                        i = j;
                                        continue argumentLoop;
                                    case ' ':
                                    case '\t':
                                        // ignore whitespace
                                        break;
                                    default:
                                        // whitespace doesn't extend to EOL, create an argument
                                        args.push(new argument_1.Argument(content.substring(argStart, i), vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start + argStart), this.document.positionAt(instructionNameEndOffset + start + i + 2))));
                                        argStart = j;
                                        break whitespaceCheck;
                                }
                            }
                            // go back and start processing the encountered non-whitespace character
                            i = argStart - 1;
                            continue argumentLoop;
                        case '\r':
                            // offset one more for \r\n
                            i++;
                        case '\n':
                            // immediately followed by a newline, skip the newline
                            escaped = true;
                            i = i + 1;
                            continue argumentLoop;
                        case this.escapeChar:
                            // double escape found, skip it and move on
                            if (argStart === -1) {
                                argStart = i;
                            }
                            i = i + 1;
                            continue argumentLoop;
                        default:
                            if (argStart === -1) {
                                argStart = i;
                            }
                            // non-whitespace encountered, skip the escape and process the
                            // character normally
                            continue argumentLoop;
                    }
                case '\'':
                case '"':
                    if (spaced) {
                        this.createSpacedArgument(argStart, args, content, mark, instructionNameEndOffset, start);
                        // reset to start a new argument
                        argStart = i;
                        spaced = false;
                    }
                    if (argStart === -1) {
                        argStart = i;
                    }
                    for (let j = i + 1; j < content.length; j++) {
                        switch (content.charAt(j)) {
                            case char:
                                if (content.charAt(j + 1) !== ' ' && content.charAt(j + 1) !== '') {
                                    // there is more content after this quote,
                                    // continue so that it is all processed as
                                    // one single argument
                                    i = j;
                                    continue argumentLoop;
                                }
                                args.push(new argument_1.Argument(content.substring(argStart, j + 1), vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start + argStart), this.document.positionAt(instructionNameEndOffset + start + j + 1))));
                                i = j;
                                argStart = -1;
                                continue argumentLoop;
                            case this.escapeChar:
                                j++;
                                break;
                        }
                    }
                    break argumentLoop;
                case ' ':
                case '\t':
                    if (escaped) {
                        // consider there to be a space only if an argument
                        // is not spanning multiple lines
                        if (argStart !== -1) {
                            spaced = true;
                        }
                    }
                    else if (argStart !== -1) {
                        args.push(new argument_1.Argument(content.substring(argStart, i), vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start + argStart), this.document.positionAt(instructionNameEndOffset + start + i))));
                        argStart = -1;
                    }
                    break;
                case '\r':
                    // offset one more for \r\n
                    i++;
                case '\n':
                    spaced = false;
                    break;
                case '#':
                    if (escaped) {
                        // a newline was escaped and now there's a comment
                        for (let j = i + 1; j < content.length; j++) {
                            switch (content.charAt(j)) {
                                case '\r':
                                    j++;
                                case '\n':
                                    i = j;
                                    spaced = false;
                                    continue argumentLoop;
                            }
                        }
                        // went to the end without finding a newline,
                        // the comment was the last line in the instruction,
                        // just stop parsing, create an argument if needed
                        if (argStart !== -1) {
                            let value = content.substring(argStart, mark);
                            args.push(new argument_1.Argument(value, vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start + argStart), this.document.positionAt(instructionNameEndOffset + start + mark))));
                            argStart = -1;
                        }
                        break argumentLoop;
                    }
                    else if (argStart === -1) {
                        argStart = i;
                    }
                    break;
                default:
                    if (spaced) {
                        this.createSpacedArgument(argStart, args, content, mark, instructionNameEndOffset, start);
                        // reset to start a new argument
                        argStart = i;
                        spaced = false;
                    }
                    escaped = false;
                    if (argStart === -1) {
                        argStart = i;
                    }
                    // variable detected
                    if (char === '$' && content.charAt(i + 1) === '{') {
                        let singleQuotes = false;
                        let doubleQuotes = false;
                        let escaped = false;
                        for (let j = i + 1; j < content.length; j++) {
                            switch (content.charAt(j)) {
                                case this.escapeChar:
                                    escaped = true;
                                    break;
                                case '\r':
                                case '\n':
                                    break;
                                case '\'':
                                    singleQuotes = !singleQuotes;
                                    escaped = false;
                                    break;
                                case '"':
                                    doubleQuotes = !doubleQuotes;
                                    escaped = false;
                                    break;
                                case ' ':
                                case '\t':
                                    if (escaped || singleQuotes || doubleQuotes) {
                                        break;
                                    }
                                    i = j - 1;
                                    continue argumentLoop;
                                case '}':
                                    i = j;
                                    continue argumentLoop;
                                default:
                                    escaped = false;
                                    break;
                            }
                        }
                        break argumentLoop;
                    }
                    break;
            }
        }
        if (argStart !== -1 && argStart !== content.length) {
            let end = endingEscape ? content.length - 1 : content.length;
            let value = content.substring(argStart, end);
            args.push(new argument_1.Argument(value, vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start + argStart), this.document.positionAt(instructionNameEndOffset + start + end))));
        }
        return args;
    }
    createSpacedArgument(argStart, args, content, mark, instructionNameEndOffset, start) {
        if (argStart !== -1) {
            args.push(new argument_1.Argument(content.substring(argStart, mark), vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start + argStart), this.document.positionAt(instructionNameEndOffset + start + mark))));
        }
    }
}
exports.PropertyInstruction = PropertyInstruction;


/***/ }),

/***/ 459:
/***/ ((__unused_webpack_module, exports) => {

/* --------------------------------------------------------------------------------------------
 * Copyright (c) Remy Suen. All rights reserved.
 * Licensed under the MIT License. See License.txt in the project root for license information.
 * ------------------------------------------------------------------------------------------ */

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Util = void 0;
class Util {
    static isUTF8BOM(char) {
        const uintArray = Uint8Array.from(Buffer.from(char, "UTF-8"));
        return uintArray[0] === 0xEF && uintArray[1] == 0xBB && uintArray[2] == 0xBF;
    }
    static isWhitespace(char) {
        return char === ' ' || char === '\t' || Util.isNewline(char);
    }
    static isNewline(char) {
        return char === '\r' || char === '\n';
    }
    static findLeadingNonWhitespace(content, escapeChar) {
        whitespaceCheck: for (let i = 0; i < content.length; i++) {
            switch (content.charAt(i)) {
                case ' ':
                case '\t':
                    continue;
                case escapeChar:
                    escapeCheck: for (let j = i + 1; j < content.length; j++) {
                        switch (content.charAt(j)) {
                            case ' ':
                            case '\t':
                                continue;
                            case '\r':
                                // offset one more for \r\n
                                i = j + 1;
                                continue whitespaceCheck;
                            case '\n':
                                i = j;
                                continue whitespaceCheck;
                            default:
                                break escapeCheck;
                        }
                    }
                    // found an escape character and then reached EOF
                    return -1;
                default:
                    return i;
            }
        }
        // only possible if the content is the empty string
        return -1;
    }
    /**
     * Determines if the given position is contained within the given range.
     *
     * @param position the position to check
     * @param range the range to see if the position is inside of
     */
    static isInsideRange(position, range) {
        if (range.start.line === range.end.line) {
            return range.start.line === position.line
                && range.start.character <= position.character
                && position.character <= range.end.character;
        }
        else if (range.start.line === position.line) {
            return range.start.character <= position.character;
        }
        else if (range.end.line === position.line) {
            return position.character <= range.end.character;
        }
        return range.start.line < position.line && position.line < range.end.line;
    }
    static parseHeredocName(value) {
        value = value.substring(2);
        if (value.charAt(0) === '-') {
            value = value.substring(1);
        }
        if (value.charAt(0) === '"') {
            if (value.charAt(value.length - 1) !== '"') {
                return null;
            }
            value = value.substring(1, value.length - 1);
        }
        if (value.charAt(0) === '\'') {
            if (value.charAt(value.length - 1) !== '\'') {
                return null;
            }
            value = value.substring(1, value.length - 1);
        }
        if (value.charAt(0) === "<") {
            return null;
        }
        return value;
    }
}
exports.Util = Util;


/***/ }),

/***/ 743:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Variable = void 0;
class Variable {
    constructor(name, nameRange, range, modifier, modifierRange, substitutionParameter, substitutionRange, defined, buildVariable, stringValue) {
        this.name = name;
        this.nameRange = nameRange;
        this.range = range;
        this.modifier = modifier;
        this.modifierRange = modifierRange;
        this.substitutionParameter = substitutionParameter;
        this.substitutionRange = substitutionRange;
        this.defined = defined;
        this.buildVariable = buildVariable;
        this.stringValue = stringValue;
    }
    toString() {
        return this.stringValue;
    }
    getName() {
        return this.name;
    }
    getNameRange() {
        return this.nameRange;
    }
    /**
     * Returns the range of the entire variable. This includes the symbols for
     * the declaration of the variable such as the $, {, and } symbols.
     *
     * @return the range in the document that this variable encompasses in its
     *         entirety
     */
    getRange() {
        return this.range;
    }
    /**
     * Returns the modifier character that has been set for
     * specifying how this variable should be expanded and resolved.
     * If this variable is ${variable:+value} then the modifier
     * character is '+'. Will be the empty string if the variable is
     * declared as ${variable:}. Otherwise, will be null if this
     * variable will not use variable substitution at all (such as
     * ${variable} or $variable).
     *
     * @return this variable's modifier character, or the empty
     *         string if it does not have one, or null if this
     *         variable will not use variable substitution
     */
    getModifier() {
        return this.modifier;
    }
    getModifierRange() {
        return this.modifierRange;
    }
    /**
     * Returns the parameter that will be used for substitution if
     * this variable uses modifiers to define how its value should be
     * resolved. If this variable is ${variable:+value} then the
     * substitution value will be 'value'. Will be the empty string
     * if the variable is declared as ${variable:+} or some other
     * variant where the only thing that follows the modifier
     * character (excluding considerations of escape characters and
     * so on) is the variable's closing bracket. May be null if this
     * variable does not have a modifier character defined (such as
     * ${variable} or $variable).
     *
     * @return this variable's substitution parameter, or the empty
     *         string if it does not have one, or null if there is
     *         not one defined
     */
    getSubstitutionParameter() {
        return this.substitutionParameter;
    }
    getSubstitutionRange() {
        return this.substitutionRange;
    }
    /**
     * Returns whether this variable has been defined or not.
     *
     * @return true if this variable has been defined, false otherwise
     */
    isDefined() {
        return this.defined;
    }
    isBuildVariable() {
        return this.buildVariable === true;
    }
    isEnvironmentVariable() {
        return this.buildVariable === false;
    }
}
exports.Variable = Variable;


/***/ }),

/***/ 6:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const pico = __nccwpck_require__(16);
const utils = __nccwpck_require__(59);

function picomatch(glob, options, returnState = false) {
  // default to os.platform()
  if (options && (options.windows === null || options.windows === undefined)) {
    // don't mutate the original options object
    options = { ...options, windows: utils.isWindows() };
  }

  return pico(glob, options, returnState);
}

Object.assign(picomatch, pico);
module.exports = picomatch;


/***/ }),

/***/ 595:
/***/ ((module) => {



const WIN_SLASH = '\\\\/';
const WIN_NO_SLASH = `[^${WIN_SLASH}]`;

const DEFAULT_MAX_EXTGLOB_RECURSION = 0;

/**
 * Posix glob regex
 */

const DOT_LITERAL = '\\.';
const PLUS_LITERAL = '\\+';
const QMARK_LITERAL = '\\?';
const SLASH_LITERAL = '\\/';
const ONE_CHAR = '(?=.)';
const QMARK = '[^/]';
const END_ANCHOR = `(?:${SLASH_LITERAL}|$)`;
const START_ANCHOR = `(?:^|${SLASH_LITERAL})`;
const DOTS_SLASH = `${DOT_LITERAL}{1,2}${END_ANCHOR}`;
const NO_DOT = `(?!${DOT_LITERAL})`;
const NO_DOTS = `(?!${START_ANCHOR}${DOTS_SLASH})`;
const NO_DOT_SLASH = `(?!${DOT_LITERAL}{0,1}${END_ANCHOR})`;
const NO_DOTS_SLASH = `(?!${DOTS_SLASH})`;
const QMARK_NO_DOT = `[^.${SLASH_LITERAL}]`;
const STAR = `${QMARK}*?`;
const SEP = '/';

const POSIX_CHARS = {
  DOT_LITERAL,
  PLUS_LITERAL,
  QMARK_LITERAL,
  SLASH_LITERAL,
  ONE_CHAR,
  QMARK,
  END_ANCHOR,
  DOTS_SLASH,
  NO_DOT,
  NO_DOTS,
  NO_DOT_SLASH,
  NO_DOTS_SLASH,
  QMARK_NO_DOT,
  STAR,
  START_ANCHOR,
  SEP
};

/**
 * Windows glob regex
 */

const WINDOWS_CHARS = {
  ...POSIX_CHARS,

  SLASH_LITERAL: `[${WIN_SLASH}]`,
  QMARK: WIN_NO_SLASH,
  STAR: `${WIN_NO_SLASH}*?`,
  DOTS_SLASH: `${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$)`,
  NO_DOT: `(?!${DOT_LITERAL})`,
  NO_DOTS: `(?!(?:^|[${WIN_SLASH}])${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
  NO_DOT_SLASH: `(?!${DOT_LITERAL}{0,1}(?:[${WIN_SLASH}]|$))`,
  NO_DOTS_SLASH: `(?!${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
  QMARK_NO_DOT: `[^.${WIN_SLASH}]`,
  START_ANCHOR: `(?:^|[${WIN_SLASH}])`,
  END_ANCHOR: `(?:[${WIN_SLASH}]|$)`,
  SEP: '\\'
};

/**
 * POSIX Bracket Regex
 */

const POSIX_REGEX_SOURCE = {
  __proto__: null,
  alnum: 'a-zA-Z0-9',
  alpha: 'a-zA-Z',
  ascii: '\\x00-\\x7F',
  blank: ' \\t',
  cntrl: '\\x00-\\x1F\\x7F',
  digit: '0-9',
  graph: '\\x21-\\x7E',
  lower: 'a-z',
  print: '\\x20-\\x7E ',
  punct: '\\-!"#$%&\'()\\*+,./:;<=>?@[\\]^_`{|}~',
  space: ' \\t\\r\\n\\v\\f',
  upper: 'A-Z',
  word: 'A-Za-z0-9_',
  xdigit: 'A-Fa-f0-9'
};

module.exports = {
  DEFAULT_MAX_EXTGLOB_RECURSION,
  MAX_LENGTH: 1024 * 64,
  POSIX_REGEX_SOURCE,

  // regular expressions
  REGEX_BACKSLASH: /\\(?![*+?^${}(|)[\]])/g,
  REGEX_NON_SPECIAL_CHARS: /^[^@![\].,$*+?^{}()|\\/]+/,
  REGEX_SPECIAL_CHARS: /[-*+?.^${}(|)[\]]/,
  REGEX_SPECIAL_CHARS_BACKREF: /(\\?)((\W)(\3*))/g,
  REGEX_SPECIAL_CHARS_GLOBAL: /([-*+?.^${}(|)[\]])/g,
  REGEX_REMOVE_BACKSLASH: /(?:\[.*?[^\\]\]|\\(?=.))/g,

  // Replace globs with equivalent patterns to reduce parsing time.
  REPLACEMENTS: {
    __proto__: null,
    '***': '*',
    '**/**': '**',
    '**/**/**': '**'
  },

  // Digits
  CHAR_0: 48, /* 0 */
  CHAR_9: 57, /* 9 */

  // Alphabet chars.
  CHAR_UPPERCASE_A: 65, /* A */
  CHAR_LOWERCASE_A: 97, /* a */
  CHAR_UPPERCASE_Z: 90, /* Z */
  CHAR_LOWERCASE_Z: 122, /* z */

  CHAR_LEFT_PARENTHESES: 40, /* ( */
  CHAR_RIGHT_PARENTHESES: 41, /* ) */

  CHAR_ASTERISK: 42, /* * */

  // Non-alphabetic chars.
  CHAR_AMPERSAND: 38, /* & */
  CHAR_AT: 64, /* @ */
  CHAR_BACKWARD_SLASH: 92, /* \ */
  CHAR_CARRIAGE_RETURN: 13, /* \r */
  CHAR_CIRCUMFLEX_ACCENT: 94, /* ^ */
  CHAR_COLON: 58, /* : */
  CHAR_COMMA: 44, /* , */
  CHAR_DOT: 46, /* . */
  CHAR_DOUBLE_QUOTE: 34, /* " */
  CHAR_EQUAL: 61, /* = */
  CHAR_EXCLAMATION_MARK: 33, /* ! */
  CHAR_FORM_FEED: 12, /* \f */
  CHAR_FORWARD_SLASH: 47, /* / */
  CHAR_GRAVE_ACCENT: 96, /* ` */
  CHAR_HASH: 35, /* # */
  CHAR_HYPHEN_MINUS: 45, /* - */
  CHAR_LEFT_ANGLE_BRACKET: 60, /* < */
  CHAR_LEFT_CURLY_BRACE: 123, /* { */
  CHAR_LEFT_SQUARE_BRACKET: 91, /* [ */
  CHAR_LINE_FEED: 10, /* \n */
  CHAR_NO_BREAK_SPACE: 160, /* \u00A0 */
  CHAR_PERCENT: 37, /* % */
  CHAR_PLUS: 43, /* + */
  CHAR_QUESTION_MARK: 63, /* ? */
  CHAR_RIGHT_ANGLE_BRACKET: 62, /* > */
  CHAR_RIGHT_CURLY_BRACE: 125, /* } */
  CHAR_RIGHT_SQUARE_BRACKET: 93, /* ] */
  CHAR_SEMICOLON: 59, /* ; */
  CHAR_SINGLE_QUOTE: 39, /* ' */
  CHAR_SPACE: 32, /*   */
  CHAR_TAB: 9, /* \t */
  CHAR_UNDERSCORE: 95, /* _ */
  CHAR_VERTICAL_LINE: 124, /* | */
  CHAR_ZERO_WIDTH_NOBREAK_SPACE: 65279, /* \uFEFF */

  /**
   * Create EXTGLOB_CHARS
   */

  extglobChars(chars) {
    return {
      '!': { type: 'negate', open: '(?:(?!(?:', close: `))${chars.STAR})` },
      '?': { type: 'qmark', open: '(?:', close: ')?' },
      '+': { type: 'plus', open: '(?:', close: ')+' },
      '*': { type: 'star', open: '(?:', close: ')*' },
      '@': { type: 'at', open: '(?:', close: ')' }
    };
  },

  /**
   * Create GLOB_CHARS
   */

  globChars(win32) {
    return win32 === true ? WINDOWS_CHARS : POSIX_CHARS;
  }
};


/***/ }),

/***/ 265:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const constants = __nccwpck_require__(595);
const utils = __nccwpck_require__(59);

/**
 * Constants
 */

const {
  MAX_LENGTH,
  POSIX_REGEX_SOURCE,
  REGEX_NON_SPECIAL_CHARS,
  REGEX_SPECIAL_CHARS_BACKREF,
  REPLACEMENTS
} = constants;

/**
 * Helpers
 */

const expandRange = (args, options) => {
  if (typeof options.expandRange === 'function') {
    return options.expandRange(...args, options);
  }

  args.sort();
  const value = `[${args.join('-')}]`;

  try {
    /* eslint-disable-next-line no-new */
    new RegExp(value);
  } catch (ex) {
    return args.map(v => utils.escapeRegex(v)).join('..');
  }

  return value;
};

/**
 * Create the message for a syntax error
 */

const syntaxError = (type, char) => {
  return `Missing ${type}: "${char}" - use "\\\\${char}" to match literal characters`;
};

const splitTopLevel = input => {
  const parts = [];
  let bracket = 0;
  let paren = 0;
  let quote = 0;
  let value = '';
  let escaped = false;

  for (const ch of input) {
    if (escaped === true) {
      value += ch;
      escaped = false;
      continue;
    }

    if (ch === '\\') {
      value += ch;
      escaped = true;
      continue;
    }

    if (ch === '"') {
      quote = quote === 1 ? 0 : 1;
      value += ch;
      continue;
    }

    if (quote === 0) {
      if (ch === '[') {
        bracket++;
      } else if (ch === ']' && bracket > 0) {
        bracket--;
      } else if (bracket === 0) {
        if (ch === '(') {
          paren++;
        } else if (ch === ')' && paren > 0) {
          paren--;
        } else if (ch === '|' && paren === 0) {
          parts.push(value);
          value = '';
          continue;
        }
      }
    }

    value += ch;
  }

  parts.push(value);
  return parts;
};

const isPlainBranch = branch => {
  let escaped = false;

  for (const ch of branch) {
    if (escaped === true) {
      escaped = false;
      continue;
    }

    if (ch === '\\') {
      escaped = true;
      continue;
    }

    if (/[?*+@!()[\]{}]/.test(ch)) {
      return false;
    }
  }

  return true;
};

const normalizeSimpleBranch = branch => {
  let value = branch.trim();
  let changed = true;

  while (changed === true) {
    changed = false;

    if (/^@\([^\\()[\]{}|]+\)$/.test(value)) {
      value = value.slice(2, -1);
      changed = true;
    }
  }

  if (!isPlainBranch(value)) {
    return;
  }

  return value.replace(/\\(.)/g, '$1');
};

const hasRepeatedCharPrefixOverlap = branches => {
  const values = branches.map(normalizeSimpleBranch).filter(Boolean);

  for (let i = 0; i < values.length; i++) {
    for (let j = i + 1; j < values.length; j++) {
      const a = values[i];
      const b = values[j];
      const char = a[0];

      if (!char || a !== char.repeat(a.length) || b !== char.repeat(b.length)) {
        continue;
      }

      if (a === b || a.startsWith(b) || b.startsWith(a)) {
        return true;
      }
    }
  }

  return false;
};

const parseRepeatedExtglob = (pattern, requireEnd = true) => {
  if ((pattern[0] !== '+' && pattern[0] !== '*') || pattern[1] !== '(') {
    return;
  }

  let bracket = 0;
  let paren = 0;
  let quote = 0;
  let escaped = false;

  for (let i = 1; i < pattern.length; i++) {
    const ch = pattern[i];

    if (escaped === true) {
      escaped = false;
      continue;
    }

    if (ch === '\\') {
      escaped = true;
      continue;
    }

    if (ch === '"') {
      quote = quote === 1 ? 0 : 1;
      continue;
    }

    if (quote === 1) {
      continue;
    }

    if (ch === '[') {
      bracket++;
      continue;
    }

    if (ch === ']' && bracket > 0) {
      bracket--;
      continue;
    }

    if (bracket > 0) {
      continue;
    }

    if (ch === '(') {
      paren++;
      continue;
    }

    if (ch === ')') {
      paren--;

      if (paren === 0) {
        if (requireEnd === true && i !== pattern.length - 1) {
          return;
        }

        return {
          type: pattern[0],
          body: pattern.slice(2, i),
          end: i
        };
      }
    }
  }
};

const buildCharClassStar = chars => {
  const source = chars.length === 1
    ? utils.escapeRegex(chars[0])
    : `[${chars.map(ch => utils.escapeRegex(ch)).join('')}]`;

  return `${source}*`;
};

const getStarExtglobSequenceChars = pattern => {
  let index = 0;
  const chars = [];

  while (index < pattern.length) {
    const match = parseRepeatedExtglob(pattern.slice(index), false);

    if (!match || match.type !== '*') {
      return;
    }

    const branches = splitTopLevel(match.body).map(branch => branch.trim());
    if (branches.length !== 1) {
      return;
    }

    const branch = normalizeSimpleBranch(branches[0]);
    if (!branch || branch.length !== 1) {
      return;
    }

    chars.push(branch);
    index += match.end + 1;
  }

  if (chars.length < 1) {
    return;
  }

  return chars;
};

const repeatedExtglobRecursion = pattern => {
  let depth = 0;
  let value = pattern.trim();
  let match = parseRepeatedExtglob(value);

  while (match) {
    depth++;
    value = match.body.trim();
    match = parseRepeatedExtglob(value);
  }

  return depth;
};

const analyzeRepeatedExtglob = (body, options) => {
  if (options.maxExtglobRecursion === false) {
    return { risky: false };
  }

  const max =
    typeof options.maxExtglobRecursion === 'number'
      ? options.maxExtglobRecursion
      : constants.DEFAULT_MAX_EXTGLOB_RECURSION;

  const branches = splitTopLevel(body).map(branch => branch.trim());

  if (branches.length > 1) {
    if (
      branches.some(branch => branch === '') ||
      branches.some(branch => /^[*?]+$/.test(branch)) ||
      hasRepeatedCharPrefixOverlap(branches)
    ) {
      return { risky: true };
    }
  }

  // A repeated extglob is "risky" (prone to catastrophic backtracking) when a
  // branch is itself a `*(...)` sequence, since that nests an unbounded quantifier
  // inside the outer `+(...)`/`*(...)`. When *every* branch reduces to single
  // characters we can emit one flat, ReDoS-safe character class that preserves the
  // meaning of ALL branches (e.g. `+(*(a)|*(b))` -> `[ab]*`), rather than dropping
  // every branch but the first.
  const safeChars = [];
  let sawStarSequence = false;
  let combinable = true;

  for (const branch of branches) {
    const chars = getStarExtglobSequenceChars(branch);
    if (chars) {
      sawStarSequence = true;
      safeChars.push(...chars);
      continue;
    }

    const literal = normalizeSimpleBranch(branch);
    if (literal && literal.length === 1) {
      safeChars.push(literal);
      continue;
    }

    combinable = false;

    if (repeatedExtglobRecursion(branch) > max) {
      return { risky: true };
    }
  }

  if (sawStarSequence) {
    return combinable
      ? { risky: true, safeOutput: buildCharClassStar([...new Set(safeChars)]) }
      : { risky: true };
  }

  return { risky: false };
};

/**
 * Parse the given input string.
 * @param {String} input
 * @param {Object} options
 * @return {Object}
 */

const parse = (input, options) => {
  if (typeof input !== 'string') {
    throw new TypeError('Expected a string');
  }

  input = REPLACEMENTS[input] || input;

  const opts = { ...options };
  const max = typeof opts.maxLength === 'number' ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;

  let len = input.length;
  if (len > max) {
    throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
  }

  const bos = { type: 'bos', value: '', output: opts.prepend || '' };
  const tokens = [bos];

  const capture = opts.capture ? '' : '?:';

  // create constants based on platform, for windows or posix
  const PLATFORM_CHARS = constants.globChars(opts.windows);
  const EXTGLOB_CHARS = constants.extglobChars(PLATFORM_CHARS);

  const {
    DOT_LITERAL,
    PLUS_LITERAL,
    SLASH_LITERAL,
    ONE_CHAR,
    DOTS_SLASH,
    NO_DOT,
    NO_DOT_SLASH,
    NO_DOTS_SLASH,
    QMARK,
    QMARK_NO_DOT,
    STAR,
    START_ANCHOR
  } = PLATFORM_CHARS;

  const globstar = opts => {
    return `(${capture}(?:(?!${START_ANCHOR}${opts.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
  };

  const nodot = opts.dot ? '' : NO_DOT;
  const qmarkNoDot = opts.dot ? QMARK : QMARK_NO_DOT;
  let star = opts.bash === true ? globstar(opts) : STAR;

  if (opts.capture) {
    star = `(${star})`;
  }

  // minimatch options support
  if (typeof opts.noext === 'boolean') {
    opts.noextglob = opts.noext;
  }

  const state = {
    input,
    index: -1,
    start: 0,
    dot: opts.dot === true,
    consumed: '',
    output: '',
    prefix: '',
    backtrack: false,
    negated: false,
    brackets: 0,
    braces: 0,
    parens: 0,
    quotes: 0,
    globstar: false,
    tokens
  };

  input = utils.removePrefix(input, state);
  len = input.length;

  const extglobs = [];
  const braces = [];
  const stack = [];
  let prev = bos;
  let value;

  /**
   * Tokenizing helpers
   */

  const eos = () => state.index === len - 1;
  const peek = state.peek = (n = 1) => input[state.index + n];
  const advance = state.advance = () => input[++state.index] || '';
  const remaining = () => input.slice(state.index + 1);
  const consume = (value = '', num = 0) => {
    state.consumed += value;
    state.index += num;
  };

  const append = token => {
    state.output += token.output != null ? token.output : token.value;
    consume(token.value);
  };

  const negate = () => {
    let count = 1;

    while (peek() === '!' && (peek(2) !== '(' || peek(3) === '?')) {
      advance();
      state.start++;
      count++;
    }

    if (count % 2 === 0) {
      return false;
    }

    state.negated = true;
    state.start++;
    return true;
  };

  const increment = type => {
    state[type]++;
    stack.push(type);
  };

  const decrement = type => {
    state[type]--;
    stack.pop();
  };

  /**
   * Push tokens onto the tokens array. This helper speeds up
   * tokenizing by 1) helping us avoid backtracking as much as possible,
   * and 2) helping us avoid creating extra tokens when consecutive
   * characters are plain text. This improves performance and simplifies
   * lookbehinds.
   */

  const push = tok => {
    if (prev.type === 'globstar') {
      const isBrace = state.braces > 0 && (tok.type === 'comma' || tok.type === 'brace');
      const isExtglob = tok.extglob === true || (extglobs.length && (tok.type === 'pipe' || tok.type === 'paren'));

      if (tok.type !== 'slash' && tok.type !== 'paren' && !isBrace && !isExtglob) {
        state.output = state.output.slice(0, -prev.output.length);
        prev.type = 'star';
        prev.value = '*';
        prev.output = star;
        state.output += prev.output;
      }
    }

    if (extglobs.length && tok.type !== 'paren') {
      extglobs[extglobs.length - 1].inner += tok.value;
    }

    if (tok.value || tok.output) append(tok);
    if (prev && prev.type === 'text' && tok.type === 'text') {
      prev.output = (prev.output || prev.value) + tok.value;
      prev.value += tok.value;
      return;
    }

    tok.prev = prev;
    tokens.push(tok);
    prev = tok;
  };

  const extglobOpen = (type, value) => {
    const token = { ...EXTGLOB_CHARS[value], conditions: 1, inner: '' };

    token.prev = prev;
    token.parens = state.parens;
    token.output = state.output;
    token.startIndex = state.index;
    token.tokensIndex = tokens.length;
    const output = (opts.capture ? '(' : '') + token.open;

    increment('parens');
    push({ type, value, output: state.output ? '' : ONE_CHAR });
    push({ type: 'paren', extglob: true, value: advance(), output });
    extglobs.push(token);
  };

  const extglobClose = token => {
    const literal = input.slice(token.startIndex, state.index + 1);
    const body = input.slice(token.startIndex + 2, state.index);
    const analysis = analyzeRepeatedExtglob(body, opts);

    if ((token.type === 'plus' || token.type === 'star') && analysis.risky) {
      const safeOutput = analysis.safeOutput
        ? (token.output ? '' : ONE_CHAR) + (opts.capture ? `(${analysis.safeOutput})` : analysis.safeOutput)
        : undefined;
      const open = tokens[token.tokensIndex];

      open.type = 'text';
      open.value = literal;
      open.output = safeOutput || utils.escapeRegex(literal);

      for (let i = token.tokensIndex + 1; i < tokens.length; i++) {
        tokens[i].value = '';
        tokens[i].output = '';
        delete tokens[i].suffix;
      }

      state.output = token.output + open.output;
      state.backtrack = true;

      push({ type: 'paren', extglob: true, value, output: '' });
      decrement('parens');
      return;
    }

    let output = token.close + (opts.capture ? ')' : '');
    let rest;

    if (token.type === 'negate') {
      let extglobStar = star;

      if (token.inner && token.inner.length > 1 && token.inner.includes('/')) {
        extglobStar = globstar(opts);
      }

      if (extglobStar !== star || eos() || /^\)+$/.test(remaining())) {
        output = token.close = `)$))${extglobStar}`;
      }

      if (token.inner.includes('*') && (rest = remaining()) && /^\.[^\\/.]+$/.test(rest)) {
        // Any non-magical string (`.ts`) or even nested expression (`.{ts,tsx}`) can follow after the closing parenthesis.
        // In this case, we need to parse the string and use it in the output of the original pattern.
        // Suitable patterns: `/!(*.d).ts`, `/!(*.d).{ts,tsx}`, `**/!(*-dbg).@(js)`.
        //
        // Disabling the `fastpaths` option due to a problem with parsing strings as `.ts` in the pattern like `**/!(*.d).ts`.
        const expression = parse(rest, { ...options, fastpaths: false }).output;

        output = token.close = `)${expression})${extglobStar})`;
      }

      if (token.prev.type === 'bos') {
        state.negatedExtglob = true;
      }
    }

    push({ type: 'paren', extglob: true, value, output });
    decrement('parens');
  };

  /**
   * Fast paths
   */

  if (opts.fastpaths !== false && !/(^[*!]|[/()[\]{}"])/.test(input)) {
    let backslashes = false;

    let output = input.replace(REGEX_SPECIAL_CHARS_BACKREF, (m, esc, chars, first, rest, index) => {
      if (first === '\\') {
        backslashes = true;
        return m;
      }

      if (first === '?') {
        if (esc) {
          return esc + first + (rest ? QMARK.repeat(rest.length) : '');
        }
        if (index === 0) {
          return qmarkNoDot + (rest ? QMARK.repeat(rest.length) : '');
        }
        return QMARK.repeat(chars.length);
      }

      if (first === '.') {
        return DOT_LITERAL.repeat(chars.length);
      }

      if (first === '*') {
        if (esc) {
          return esc + first + (rest ? star : '');
        }
        return star;
      }
      return esc ? m : `\\${m}`;
    });

    if (backslashes === true) {
      if (opts.unescape === true) {
        output = output.replace(/\\/g, '');
      } else {
        output = output.replace(/\\+/g, m => {
          return m.length % 2 === 0 ? '\\\\' : (m ? '\\' : '');
        });
      }
    }

    if (output === input && opts.contains === true) {
      state.output = input;
      return state;
    }

    state.output = utils.wrapOutput(output, state, options);
    return state;
  }

  /**
   * Tokenize input until we reach end-of-string
   */

  while (!eos()) {
    value = advance();

    if (value === '\u0000') {
      continue;
    }

    /**
     * Escaped characters
     */

    if (value === '\\') {
      const next = peek();

      if (next === '/' && opts.bash !== true) {
        continue;
      }

      if (next === '.' || next === ';') {
        continue;
      }

      if (!next) {
        value += '\\';
        push({ type: 'text', value });
        continue;
      }

      // collapse slashes to reduce potential for exploits
      const match = /^\\+/.exec(remaining());
      let slashes = 0;

      if (match && match[0].length > 2) {
        slashes = match[0].length;
        state.index += slashes;
        if (slashes % 2 !== 0) {
          value += '\\';
        }
      }

      if (opts.unescape === true) {
        value = advance();
      } else {
        value += advance();
      }

      if (state.brackets === 0) {
        push({ type: 'text', value });
        continue;
      }
    }

    /**
     * If we're inside a regex character class, continue
     * until we reach the closing bracket.
     */

    if (state.brackets > 0 && (value !== ']' || prev.value === '[' || prev.value === '[^')) {
      if (opts.posix !== false && value === ':') {
        const inner = prev.value.slice(1);
        if (inner.includes('[')) {
          prev.posix = true;

          if (inner.includes(':')) {
            const idx = prev.value.lastIndexOf('[');
            const pre = prev.value.slice(0, idx);
            const rest = prev.value.slice(idx + 2);
            const posix = POSIX_REGEX_SOURCE[rest];
            if (posix) {
              prev.value = pre + posix;
              state.backtrack = true;
              advance();

              if (!bos.output && tokens.indexOf(prev) === 1) {
                bos.output = ONE_CHAR;
              }
              continue;
            }
          }
        }
      }

      if ((value === '[' && peek() !== ':') || (value === '-' && peek() === ']')) {
        value = `\\${value}`;
      }

      if (value === ']' && (prev.value === '[' || prev.value === '[^')) {
        value = `\\${value}`;
      }

      if (opts.posix === true && value === '!' && prev.value === '[') {
        value = '^';
      }

      prev.value += value;
      append({ value });
      continue;
    }

    /**
     * If we're inside a quoted string, continue
     * until we reach the closing double quote.
     */

    if (state.quotes === 1 && value !== '"') {
      value = utils.escapeRegex(value);
      prev.value += value;
      append({ value });
      continue;
    }

    /**
     * Double quotes
     */

    if (value === '"') {
      state.quotes = state.quotes === 1 ? 0 : 1;
      if (opts.keepQuotes === true) {
        push({ type: 'text', value });
      }
      continue;
    }

    /**
     * Parentheses
     */

    if (value === '(') {
      increment('parens');
      push({ type: 'paren', value });
      continue;
    }

    if (value === ')') {
      if (state.parens === 0 && opts.strictBrackets === true) {
        throw new SyntaxError(syntaxError('opening', '('));
      }

      const extglob = extglobs[extglobs.length - 1];
      if (extglob && state.parens === extglob.parens + 1) {
        extglobClose(extglobs.pop());
        continue;
      }

      push({ type: 'paren', value, output: state.parens ? ')' : '\\)' });
      decrement('parens');
      continue;
    }

    /**
     * Square brackets
     */

    if (value === '[') {
      if (opts.nobracket === true || !remaining().includes(']')) {
        if (opts.nobracket !== true && opts.strictBrackets === true) {
          throw new SyntaxError(syntaxError('closing', ']'));
        }

        value = `\\${value}`;
      } else {
        increment('brackets');
      }

      push({ type: 'bracket', value });
      continue;
    }

    if (value === ']') {
      if (opts.nobracket === true || (prev && prev.type === 'bracket' && prev.value.length === 1)) {
        push({ type: 'text', value, output: `\\${value}` });
        continue;
      }

      if (state.brackets === 0) {
        if (opts.strictBrackets === true) {
          throw new SyntaxError(syntaxError('opening', '['));
        }

        push({ type: 'text', value, output: `\\${value}` });
        continue;
      }

      decrement('brackets');

      const prevValue = prev.value.slice(1);
      if (prev.posix !== true && prevValue[0] === '^' && !prevValue.includes('/')) {
        value = `/${value}`;
      }

      prev.value += value;
      append({ value });

      // when literal brackets are explicitly disabled
      // assume we should match with a regex character class
      if (opts.literalBrackets === false || utils.hasRegexChars(prevValue)) {
        continue;
      }

      const escaped = utils.escapeRegex(prev.value);
      state.output = state.output.slice(0, -prev.value.length);

      // when literal brackets are explicitly enabled
      // assume we should escape the brackets to match literal characters
      if (opts.literalBrackets === true) {
        state.output += escaped;
        prev.value = escaped;
        continue;
      }

      // when the user specifies nothing, try to match both
      prev.value = `(${capture}${escaped}|${prev.value})`;
      state.output += prev.value;
      continue;
    }

    /**
     * Braces
     */

    if (value === '{' && opts.nobrace !== true) {
      increment('braces');

      const open = {
        type: 'brace',
        value,
        output: '(',
        outputIndex: state.output.length,
        tokensIndex: state.tokens.length
      };

      braces.push(open);
      push(open);
      continue;
    }

    if (value === '}') {
      const brace = braces[braces.length - 1];

      if (opts.nobrace === true || !brace) {
        push({ type: 'text', value, output: value });
        continue;
      }

      let output = ')';

      if (brace.dots === true) {
        const arr = tokens.slice();
        const range = [];

        for (let i = arr.length - 1; i >= 0; i--) {
          tokens.pop();
          if (arr[i].type === 'brace') {
            break;
          }
          if (arr[i].type !== 'dots') {
            range.unshift(arr[i].value);
          }
        }

        output = expandRange(range, opts);
        state.backtrack = true;
      }

      if (brace.comma !== true && brace.dots !== true) {
        const out = state.output.slice(0, brace.outputIndex);
        const toks = state.tokens.slice(brace.tokensIndex);
        brace.value = brace.output = '\\{';
        value = output = '\\}';
        state.output = out;
        for (const t of toks) {
          state.output += (t.output || t.value);
        }
      }

      push({ type: 'brace', value, output });
      decrement('braces');
      braces.pop();
      continue;
    }

    /**
     * Pipes
     */

    if (value === '|') {
      if (extglobs.length > 0) {
        extglobs[extglobs.length - 1].conditions++;
      }
      push({ type: 'text', value });
      continue;
    }

    /**
     * Commas
     */

    if (value === ',') {
      let output = value;

      const brace = braces[braces.length - 1];
      if (brace && stack[stack.length - 1] === 'braces') {
        brace.comma = true;
        output = '|';
      }

      push({ type: 'comma', value, output });
      continue;
    }

    /**
     * Slashes
     */

    if (value === '/') {
      // if the beginning of the glob is "./", advance the start
      // to the current index, and don't add the "./" characters
      // to the state. This greatly simplifies lookbehinds when
      // checking for BOS characters like "!" and "." (not "./")
      if (prev.type === 'dot' && state.index === state.start + 1) {
        state.start = state.index + 1;
        state.consumed = '';
        state.output = '';
        tokens.pop();
        prev = bos; // reset "prev" to the first token
        continue;
      }

      push({ type: 'slash', value, output: SLASH_LITERAL });
      continue;
    }

    /**
     * Dots
     */

    if (value === '.') {
      if (state.braces > 0 && prev.type === 'dot') {
        if (prev.value === '.') prev.output = DOT_LITERAL;
        const brace = braces[braces.length - 1];
        prev.type = 'dots';
        prev.output += value;
        prev.value += value;
        brace.dots = true;
        continue;
      }

      if ((state.braces + state.parens) === 0 && prev.type !== 'bos' && prev.type !== 'slash') {
        push({ type: 'text', value, output: DOT_LITERAL });
        continue;
      }

      push({ type: 'dot', value, output: DOT_LITERAL });
      continue;
    }

    /**
     * Question marks
     */

    if (value === '?') {
      const isGroup = prev && prev.value === '(';
      if (!isGroup && opts.noextglob !== true && peek() === '(' && peek(2) !== '?') {
        extglobOpen('qmark', value);
        continue;
      }

      if (prev && prev.type === 'paren') {
        const next = peek();
        let output = value;

        if ((prev.value === '(' && !/[!=<:]/.test(next)) || (next === '<' && !/<([!=]|\w+>)/.test(remaining()))) {
          output = `\\${value}`;
        }

        push({ type: 'text', value, output });
        continue;
      }

      if (opts.dot !== true && (prev.type === 'slash' || prev.type === 'bos')) {
        push({ type: 'qmark', value, output: QMARK_NO_DOT });
        continue;
      }

      push({ type: 'qmark', value, output: QMARK });
      continue;
    }

    /**
     * Exclamation
     */

    if (value === '!') {
      if (opts.noextglob !== true && peek() === '(') {
        if (peek(2) !== '?' || !/[!=<:]/.test(peek(3))) {
          extglobOpen('negate', value);
          continue;
        }
      }

      if (opts.nonegate !== true && state.index === 0) {
        negate();
        continue;
      }
    }

    /**
     * Plus
     */

    if (value === '+') {
      if (opts.noextglob !== true && peek() === '(' && peek(2) !== '?') {
        extglobOpen('plus', value);
        continue;
      }

      if ((prev && prev.value === '(') || opts.regex === false) {
        push({ type: 'plus', value, output: PLUS_LITERAL });
        continue;
      }

      if ((prev && (prev.type === 'bracket' || prev.type === 'paren' || prev.type === 'brace')) || state.parens > 0) {
        push({ type: 'plus', value });
        continue;
      }

      push({ type: 'plus', value: PLUS_LITERAL });
      continue;
    }

    /**
     * Plain text
     */

    if (value === '@') {
      if (opts.noextglob !== true && peek() === '(' && peek(2) !== '?') {
        push({ type: 'at', extglob: true, value, output: '' });
        continue;
      }

      push({ type: 'text', value });
      continue;
    }

    /**
     * Plain text
     */

    if (value !== '*') {
      if (value === '$' || value === '^') {
        value = `\\${value}`;
      }

      const match = REGEX_NON_SPECIAL_CHARS.exec(remaining());
      if (match) {
        value += match[0];
        state.index += match[0].length;
      }

      push({ type: 'text', value });
      continue;
    }

    /**
     * Stars
     */

    if (prev && (prev.type === 'globstar' || prev.star === true)) {
      prev.type = 'star';
      prev.star = true;
      prev.value += value;
      prev.output = star;
      state.backtrack = true;
      state.globstar = true;
      consume(value);
      continue;
    }

    let rest = remaining();
    if (opts.noextglob !== true && /^\([^?]/.test(rest)) {
      extglobOpen('star', value);
      continue;
    }

    if (prev.type === 'star') {
      if (opts.noglobstar === true) {
        consume(value);
        continue;
      }

      const prior = prev.prev;
      const before = prior.prev;
      const isStart = prior.type === 'slash' || prior.type === 'bos';
      const afterStar = before && (before.type === 'star' || before.type === 'globstar');

      if (opts.bash === true && (!isStart || (rest[0] && rest[0] !== '/'))) {
        push({ type: 'star', value, output: '' });
        continue;
      }

      const isBrace = state.braces > 0 && (prior.type === 'comma' || prior.type === 'brace');
      const isExtglob = extglobs.length && (prior.type === 'pipe' || prior.type === 'paren');
      if (!isStart && prior.type !== 'paren' && !isBrace && !isExtglob) {
        push({ type: 'star', value, output: '' });
        continue;
      }

      // strip consecutive `/**/`
      while (rest.slice(0, 3) === '/**') {
        const after = input[state.index + 4];
        if (after && after !== '/') {
          break;
        }
        rest = rest.slice(3);
        consume('/**', 3);
      }

      // A globstar followed only by balanced closing parens is at the logical end of patterns like
      // `test(/utils/**)` and `test?(/utils/**)`. Treat it as EOS so the trailing `/**` can match its
      // parent path, except in negated extglobs where that would change the exclusion semantics.
      const isEnd = eos() || (
        state.parens > 0
        && rest === ')'.repeat(state.parens)
        && !extglobs.some(extglob => extglob.type === 'negate')
      );

      if (prior.type === 'bos' && eos()) {
        prev.type = 'globstar';
        prev.value += value;
        prev.output = globstar(opts);
        state.output = prev.output;
        state.globstar = true;
        consume(value);
        continue;
      }

      if (prior.type === 'slash' && prior.prev.type !== 'bos' && !afterStar && isEnd) {
        state.output = state.output.slice(0, -(prior.output + prev.output).length);
        prior.output = `(?:${prior.output}`;

        prev.type = 'globstar';
        prev.output = globstar(opts) + (opts.strictSlashes ? ')' : '|$)');
        prev.value += value;
        state.globstar = true;
        state.output += prior.output + prev.output;
        consume(value);
        continue;
      }

      if (prior.type === 'slash' && prior.prev.type !== 'bos' && rest[0] === '/') {
        const end = rest[1] !== void 0 ? '|$' : '';

        state.output = state.output.slice(0, -(prior.output + prev.output).length);
        prior.output = `(?:${prior.output}`;

        prev.type = 'globstar';
        prev.output = `${globstar(opts)}${SLASH_LITERAL}|${SLASH_LITERAL}${end})`;
        prev.value += value;

        state.output += prior.output + prev.output;
        state.globstar = true;

        consume(value + advance());

        push({ type: 'slash', value: '/', output: '' });
        continue;
      }

      if (prior.type === 'bos' && rest[0] === '/') {
        prev.type = 'globstar';
        prev.value += value;
        prev.output = `(?:^|${SLASH_LITERAL}|${globstar(opts)}${SLASH_LITERAL})`;
        state.output = prev.output;
        state.globstar = true;
        consume(value + advance());
        push({ type: 'slash', value: '/', output: '' });
        continue;
      }

      // remove single star from output
      state.output = state.output.slice(0, -prev.output.length);

      // reset previous token to globstar
      prev.type = 'globstar';
      prev.output = globstar(opts);
      prev.value += value;

      // reset output with globstar
      state.output += prev.output;
      state.globstar = true;
      consume(value);
      continue;
    }

    const token = { type: 'star', value, output: star };

    if (opts.bash === true) {
      token.output = '.*?';
      if (prev.type === 'bos' || prev.type === 'slash') {
        token.output = nodot + token.output;
      }
      push(token);
      continue;
    }

    if (prev && (prev.type === 'bracket' || prev.type === 'paren') && opts.regex === true) {
      token.output = value;
      push(token);
      continue;
    }

    if (state.index === state.start || prev.type === 'slash' || prev.type === 'dot') {
      if (prev.type === 'dot') {
        state.output += NO_DOT_SLASH;
        prev.output += NO_DOT_SLASH;

      } else if (opts.dot === true) {
        state.output += NO_DOTS_SLASH;
        prev.output += NO_DOTS_SLASH;

      } else {
        state.output += nodot;
        prev.output += nodot;
      }

      if (peek() !== '*') {
        state.output += ONE_CHAR;
        prev.output += ONE_CHAR;
      }
    }

    push(token);
  }

  while (state.brackets > 0) {
    if (opts.strictBrackets === true) throw new SyntaxError(syntaxError('closing', ']'));
    state.output = utils.escapeLast(state.output, '[');
    decrement('brackets');
  }

  while (state.parens > 0) {
    if (opts.strictBrackets === true) throw new SyntaxError(syntaxError('closing', ')'));
    state.output = utils.escapeLast(state.output, '(');
    decrement('parens');
  }

  while (state.braces > 0) {
    if (opts.strictBrackets === true) throw new SyntaxError(syntaxError('closing', '}'));
    state.output = utils.escapeLast(state.output, '{');
    decrement('braces');
  }

  if (opts.strictSlashes !== true && (prev.type === 'star' || prev.type === 'bracket')) {
    push({ type: 'maybe_slash', value: '', output: `${SLASH_LITERAL}?` });
  }

  // rebuild the output if we had to backtrack at any point
  if (state.backtrack === true) {
    state.output = '';

    for (const token of state.tokens) {
      state.output += token.output != null ? token.output : token.value;

      if (token.suffix) {
        state.output += token.suffix;
      }
    }
  }

  return state;
};

/**
 * Fast paths for creating regular expressions for common glob patterns.
 * This can significantly speed up processing and has very little downside
 * impact when none of the fast paths match.
 */

parse.fastpaths = (input, options) => {
  const opts = { ...options };
  const max = typeof opts.maxLength === 'number' ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
  const len = input.length;
  if (len > max) {
    throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
  }

  input = REPLACEMENTS[input] || input;

  // create constants based on platform, for windows or posix
  const {
    DOT_LITERAL,
    SLASH_LITERAL,
    ONE_CHAR,
    DOTS_SLASH,
    NO_DOT,
    NO_DOTS,
    NO_DOTS_SLASH,
    STAR,
    START_ANCHOR
  } = constants.globChars(opts.windows);

  const nodot = opts.dot ? NO_DOTS : NO_DOT;
  const slashDot = opts.dot ? NO_DOTS_SLASH : NO_DOT;
  const capture = opts.capture ? '' : '?:';
  const state = { negated: false, prefix: '' };
  let star = opts.bash === true ? '.*?' : STAR;

  if (opts.capture) {
    star = `(${star})`;
  }

  const globstar = opts => {
    if (opts.noglobstar === true) return star;
    return `(${capture}(?:(?!${START_ANCHOR}${opts.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
  };

  const create = str => {
    switch (str) {
      case '*':
        return `${nodot}${ONE_CHAR}${star}`;

      case '.*':
        return `${DOT_LITERAL}${ONE_CHAR}${star}`;

      case '*.*':
        return `${nodot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;

      case '*/*':
        return `${nodot}${star}${SLASH_LITERAL}${ONE_CHAR}${slashDot}${star}`;

      case '**':
        return nodot + globstar(opts);

      case '**/*':
        return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${ONE_CHAR}${star}`;

      case '**/*.*':
        return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;

      case '**/.*':
        return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${DOT_LITERAL}${ONE_CHAR}${star}`;

      default: {
        const match = /^(.*?)\.(\w+)$/.exec(str);
        if (!match) return;

        const source = create(match[1]);
        if (!source) return;

        return source + DOT_LITERAL + match[2];
      }
    }
  };

  const output = utils.removePrefix(input, state);
  let source = create(output);

  if (source && opts.strictSlashes !== true) {
    source += `${SLASH_LITERAL}?`;
  }

  return source;
};

module.exports = parse;


/***/ }),

/***/ 16:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const scan = __nccwpck_require__(781);
const parse = __nccwpck_require__(265);
const utils = __nccwpck_require__(59);
const constants = __nccwpck_require__(595);
const isObject = val => val && typeof val === 'object' && !Array.isArray(val);

/**
 * Creates a matcher function from one or more glob patterns. The
 * returned function takes a string to match as its first argument,
 * and returns true if the string is a match. The returned matcher
 * function also takes a boolean as the second argument that, when true,
 * returns an object with additional information.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch(glob[, options]);
 *
 * const isMatch = picomatch('*.!(*a)');
 * console.log(isMatch('a.a')); //=> false
 * console.log(isMatch('a.b')); //=> true
 *
 * // For environments without `node.js`, `picomatch/posix` provides you a dependency-free matcher, without automatic OS detection.
 * const picomatch = require('picomatch/posix');
 * // the same API, defaulting to posix paths
 * const isMatch = picomatch('a/*');
 * console.log(isMatch('a\\b')); //=> false
 * console.log(isMatch('a/b')); //=> true
 *
 * // you can still configure the matcher function to accept windows paths
 * const isMatch = picomatch('a/*', { options: windows });
 * console.log(isMatch('a\\b')); //=> true
 * console.log(isMatch('a/b')); //=> true
 * ```
 * @name picomatch
 * @param {String|Array} `globs` One or more glob patterns.
 * @param {Object=} `options`
 * @return {Function=} Returns a matcher function.
 * @api public
 */

const picomatch = (glob, options, returnState = false) => {
  if (Array.isArray(glob)) {
    const fns = glob.map(input => picomatch(input, options, returnState));
    const arrayMatcher = str => {
      for (const isMatch of fns) {
        const state = isMatch(str);
        if (state) return state;
      }
      return false;
    };
    return arrayMatcher;
  }

  const isState = isObject(glob) && glob.tokens && glob.input;

  if (glob === '' || (typeof glob !== 'string' && !isState)) {
    throw new TypeError('Expected pattern to be a non-empty string');
  }

  const opts = options || {};
  const posix = opts.windows;
  const regex = isState
    ? picomatch.compileRe(glob, options)
    : picomatch.makeRe(glob, options, false, true);

  const state = regex.state;
  delete regex.state;

  let isIgnored = () => false;
  if (opts.ignore) {
    const ignoreOpts = { ...options, ignore: null, onMatch: null, onResult: null };
    isIgnored = picomatch(opts.ignore, ignoreOpts, returnState);
  }

  const matcher = (input, returnObject = false) => {
    const { isMatch, match, output } = picomatch.test(input, regex, options, { glob, posix });
    const result = { glob, state, regex, posix, input, output, match, isMatch };

    if (typeof opts.onResult === 'function') {
      opts.onResult(result);
    }

    if (isMatch === false) {
      result.isMatch = false;
      return returnObject ? result : false;
    }

    if (isIgnored(input)) {
      if (typeof opts.onIgnore === 'function') {
        opts.onIgnore(result);
      }
      result.isMatch = false;
      return returnObject ? result : false;
    }

    if (typeof opts.onMatch === 'function') {
      opts.onMatch(result);
    }
    return returnObject ? result : true;
  };

  if (returnState) {
    matcher.state = state;
  }

  return matcher;
};

/**
 * Test `input` with the given `regex`. This is used by the main
 * `picomatch()` function to test the input string.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.test(input, regex[, options]);
 *
 * console.log(picomatch.test('foo/bar', /^(?:([^/]*?)\/([^/]*?))$/));
 * // { isMatch: true, match: [ 'foo/', 'foo', 'bar' ], output: 'foo/bar' }
 * ```
 * @param {String} `input` String to test.
 * @param {RegExp} `regex`
 * @return {Object} Returns an object with matching info.
 * @api public
 */

picomatch.test = (input, regex, options, { glob, posix } = {}) => {
  if (typeof input !== 'string') {
    throw new TypeError('Expected input to be a string');
  }

  if (input === '') {
    return { isMatch: false, output: '' };
  }

  const opts = options || {};
  const format = opts.format || (posix ? utils.toPosixSlashes : null);
  let match = input === glob;
  let output = (match && format) ? format(input) : input;

  if (match === false) {
    output = format ? format(input) : input;
    match = output === glob;
  }

  if (match === false || opts.capture === true) {
    if (opts.matchBase === true || opts.basename === true) {
      match = picomatch.matchBase(input, regex, options, posix);
    } else {
      match = regex.exec(output);
    }
  }

  return { isMatch: Boolean(match), match, output };
};

/**
 * Match the basename of a filepath.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.matchBase(input, glob[, options]);
 * console.log(picomatch.matchBase('foo/bar.js', '*.js'); // true
 * ```
 * @param {String} `input` String to test.
 * @param {RegExp|String} `glob` Glob pattern or regex created by [.makeRe](#makeRe).
 * @return {Boolean}
 * @api public
 */

picomatch.matchBase = (input, glob, options, posix = options && options.windows) => {
  const regex = glob instanceof RegExp ? glob : picomatch.makeRe(glob, options);
  return regex.test(utils.basename(input, { windows: posix }));
};

/**
 * Returns true if **any** of the given glob `patterns` match the specified `string`.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.isMatch(string, patterns[, options]);
 *
 * console.log(picomatch.isMatch('a.a', ['b.*', '*.a'])); //=> true
 * console.log(picomatch.isMatch('a.a', 'b.*')); //=> false
 * ```
 * @param {String|Array} str The string to test.
 * @param {String|Array} patterns One or more glob patterns to use for matching.
 * @param {Object} [options] See available [options](#options).
 * @return {Boolean} Returns true if any patterns match `str`
 * @api public
 */

picomatch.isMatch = (str, patterns, options) => picomatch(patterns, options)(str);

/**
 * Parse a glob pattern to create the source string for a regular
 * expression.
 *
 * ```js
 * const picomatch = require('picomatch');
 * const result = picomatch.parse(pattern[, options]);
 * ```
 * @param {String} `pattern`
 * @param {Object} `options`
 * @return {Object} Returns an object with useful properties and output to be used as a regex source string.
 * @api public
 */

picomatch.parse = (pattern, options) => {
  if (Array.isArray(pattern)) return pattern.map(p => picomatch.parse(p, options));
  return parse(pattern, { ...options, fastpaths: false });
};

/**
 * Scan a glob pattern to separate the pattern into segments.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.scan(input[, options]);
 *
 * const result = picomatch.scan('!./foo/*.js');
 * console.log(result);
 * { prefix: '!./',
 *   input: '!./foo/*.js',
 *   start: 3,
 *   base: 'foo',
 *   glob: '*.js',
 *   isBrace: false,
 *   isBracket: false,
 *   isGlob: true,
 *   isExtglob: false,
 *   isGlobstar: false,
 *   negated: true }
 * ```
 * @param {String} `input` Glob pattern to scan.
 * @param {Object} `options`
 * @return {Object} Returns an object with
 * @api public
 */

picomatch.scan = (input, options) => scan(input, options);

/**
 * Compile a regular expression from the `state` object returned by the
 * [parse()](#parse) method.
 *
 * ```js
 * const picomatch = require('picomatch');
 * const state = picomatch.parse('*.js');
 * // picomatch.compileRe(state[, options]);
 *
 * console.log(picomatch.compileRe(state));
 * //=> /^(?:(?!\.)(?=.)[^/]*?\.js)$/
 * ```
 * @param {Object} `state`
 * @param {Object} `options`
 * @param {Boolean} `returnOutput` Intended for implementors, this argument allows you to return the raw output from the parser.
 * @param {Boolean} `returnState` Adds the state to a `state` property on the returned regex. Useful for implementors and debugging.
 * @return {RegExp}
 * @api public
 */

picomatch.compileRe = (state, options, returnOutput = false, returnState = false) => {
  if (returnOutput === true) {
    return state.output;
  }

  const opts = options || {};
  const prepend = opts.contains ? '' : '^';
  const append = opts.contains ? '' : '$';

  let source = `${prepend}(?:${state.output})${append}`;
  if (state && state.negated === true) {
    source = `^(?!${source}).*$`;
  }

  const regex = picomatch.toRegex(source, options);
  if (returnState === true) {
    regex.state = state;
  }

  return regex;
};

/**
 * Create a regular expression from a parsed glob pattern.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.makeRe(state[, options]);
 *
 * const result = picomatch.makeRe('*.js');
 * console.log(result);
 * //=> /^(?:(?!\.)(?=.)[^/]*?\.js)$/
 * ```
 * @param {String} `state` The object returned from the `.parse` method.
 * @param {Object} `options`
 * @param {Boolean} `returnOutput` Implementors may use this argument to return the compiled output, instead of a regular expression. This is not exposed on the options to prevent end-users from mutating the result.
 * @param {Boolean} `returnState` Implementors may use this argument to return the state from the parsed glob with the returned regular expression.
 * @return {RegExp} Returns a regex created from the given pattern.
 * @api public
 */

picomatch.makeRe = (input, options = {}, returnOutput = false, returnState = false) => {
  if (!input || typeof input !== 'string') {
    throw new TypeError('Expected a non-empty string');
  }

  let parsed = { negated: false, fastpaths: true };

  if (options.fastpaths !== false && (input[0] === '.' || input[0] === '*')) {
    parsed.output = parse.fastpaths(input, options);
  }

  if (!parsed.output) {
    parsed = parse(input, options);
  }

  return picomatch.compileRe(parsed, options, returnOutput, returnState);
};

/**
 * Create a regular expression from the given regex source string.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.toRegex(source[, options]);
 *
 * const { output } = picomatch.parse('*.js');
 * console.log(picomatch.toRegex(output));
 * //=> /^(?:(?!\.)(?=.)[^/]*?\.js)$/
 * ```
 * @param {String} `source` Regular expression source string.
 * @param {Object} `options`
 * @return {RegExp}
 * @api public
 */

picomatch.toRegex = (source, options) => {
  try {
    const opts = options || {};
    return new RegExp(source, opts.flags || (opts.nocase ? 'i' : ''));
  } catch (err) {
    if (options && options.debug === true) throw err;
    return /$^/;
  }
};

/**
 * Picomatch constants.
 * @return {Object}
 */

picomatch.constants = constants;

/**
 * Expose "picomatch"
 */

module.exports = picomatch;


/***/ }),

/***/ 781:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const utils = __nccwpck_require__(59);
const {
  CHAR_ASTERISK,             /* * */
  CHAR_AT,                   /* @ */
  CHAR_BACKWARD_SLASH,       /* \ */
  CHAR_COMMA,                /* , */
  CHAR_DOT,                  /* . */
  CHAR_EXCLAMATION_MARK,     /* ! */
  CHAR_FORWARD_SLASH,        /* / */
  CHAR_LEFT_CURLY_BRACE,     /* { */
  CHAR_LEFT_PARENTHESES,     /* ( */
  CHAR_LEFT_SQUARE_BRACKET,  /* [ */
  CHAR_PLUS,                 /* + */
  CHAR_QUESTION_MARK,        /* ? */
  CHAR_RIGHT_CURLY_BRACE,    /* } */
  CHAR_RIGHT_PARENTHESES,    /* ) */
  CHAR_RIGHT_SQUARE_BRACKET  /* ] */
} = __nccwpck_require__(595);

const isPathSeparator = code => {
  return code === CHAR_FORWARD_SLASH || code === CHAR_BACKWARD_SLASH;
};

const depth = token => {
  if (token.isPrefix !== true) {
    token.depth = token.isGlobstar ? Infinity : 1;
  }
};

/**
 * Quickly scans a glob pattern and returns an object with a handful of
 * useful properties, like `isGlob`, `path` (the leading non-glob, if it exists),
 * `glob` (the actual pattern), `negated` (true if the path starts with `!` but not
 * with `!(`) and `negatedExtglob` (true if the path starts with `!(`).
 *
 * ```js
 * const pm = require('picomatch');
 * console.log(pm.scan('foo/bar/*.js'));
 * { isGlob: true, input: 'foo/bar/*.js', base: 'foo/bar', glob: '*.js' }
 * ```
 * @param {String} `str`
 * @param {Object} `options`
 * @return {Object} Returns an object with tokens and regex source string.
 * @api public
 */

const scan = (input, options) => {
  const opts = options || {};

  const length = input.length - 1;
  const scanToEnd = opts.parts === true || opts.tokens === true || opts.scanToEnd === true;
  const slashes = [];
  const tokens = [];
  const parts = [];

  let str = input;
  let index = -1;
  let start = 0;
  let lastIndex = 0;
  let isBrace = false;
  let isBracket = false;
  let isGlob = false;
  let isExtglob = false;
  let isGlobstar = false;
  let braceEscaped = false;
  let backslashes = false;
  let negated = false;
  let negatedExtglob = false;
  let finished = false;
  let braces = 0;
  let prev;
  let code;
  let token = { value: '', depth: 0, isGlob: false };

  const eos = () => index >= length;
  const peek = () => str.charCodeAt(index + 1);
  const advance = () => {
    prev = code;
    return str.charCodeAt(++index);
  };

  while (index < length) {
    code = advance();
    let next;

    if (code === CHAR_BACKWARD_SLASH) {
      backslashes = token.backslashes = true;
      code = advance();

      if (code === CHAR_LEFT_CURLY_BRACE) {
        braceEscaped = true;
      }
      continue;
    }

    if (braceEscaped === true || code === CHAR_LEFT_CURLY_BRACE) {
      braces++;

      while (eos() !== true && (code = advance())) {
        if (code === CHAR_BACKWARD_SLASH) {
          backslashes = token.backslashes = true;
          advance();
          continue;
        }

        if (code === CHAR_LEFT_CURLY_BRACE) {
          braces++;
          continue;
        }

        if (braceEscaped !== true && code === CHAR_DOT && (code = advance()) === CHAR_DOT) {
          isBrace = token.isBrace = true;
          isGlob = token.isGlob = true;
          finished = true;

          if (scanToEnd === true) {
            continue;
          }

          break;
        }

        if (braceEscaped !== true && code === CHAR_COMMA) {
          isBrace = token.isBrace = true;
          isGlob = token.isGlob = true;
          finished = true;

          if (scanToEnd === true) {
            continue;
          }

          break;
        }

        if (code === CHAR_RIGHT_CURLY_BRACE) {
          braces--;

          if (braces === 0) {
            braceEscaped = false;
            isBrace = token.isBrace = true;
            finished = true;
            break;
          }
        }
      }

      if (scanToEnd === true) {
        continue;
      }

      break;
    }

    if (code === CHAR_FORWARD_SLASH) {
      slashes.push(index);
      tokens.push(token);
      token = { value: '', depth: 0, isGlob: false };

      if (finished === true) continue;
      if (prev === CHAR_DOT && index === (start + 1)) {
        start += 2;
        continue;
      }

      lastIndex = index + 1;
      continue;
    }

    if (opts.noext !== true) {
      const isExtglobChar = code === CHAR_PLUS
        || code === CHAR_AT
        || code === CHAR_ASTERISK
        || code === CHAR_QUESTION_MARK
        || code === CHAR_EXCLAMATION_MARK;

      if (isExtglobChar === true && peek() === CHAR_LEFT_PARENTHESES) {
        isGlob = token.isGlob = true;
        isExtglob = token.isExtglob = true;
        finished = true;
        if (code === CHAR_EXCLAMATION_MARK && index === start) {
          negatedExtglob = true;
        }

        if (scanToEnd === true) {
          let parens = 0;

          while (eos() !== true && (code = advance())) {
            if (code === CHAR_BACKWARD_SLASH) {
              backslashes = token.backslashes = true;
              advance();
              continue;
            }

            if (code === CHAR_LEFT_PARENTHESES) {
              parens++;
              continue;
            }

            if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
              finished = true;
              break;
            }
          }
          continue;
        }
        break;
      }
    }

    if (code === CHAR_ASTERISK) {
      if (prev === CHAR_ASTERISK) isGlobstar = token.isGlobstar = true;
      isGlob = token.isGlob = true;
      finished = true;

      if (scanToEnd === true) {
        continue;
      }
      break;
    }

    if (code === CHAR_QUESTION_MARK) {
      isGlob = token.isGlob = true;
      finished = true;

      if (scanToEnd === true) {
        continue;
      }
      break;
    }

    if (code === CHAR_LEFT_SQUARE_BRACKET) {
      while (eos() !== true && (next = advance())) {
        if (next === CHAR_BACKWARD_SLASH) {
          backslashes = token.backslashes = true;
          advance();
          continue;
        }

        if (next === CHAR_RIGHT_SQUARE_BRACKET) {
          isBracket = token.isBracket = true;
          isGlob = token.isGlob = true;
          finished = true;
          break;
        }
      }

      if (scanToEnd === true) {
        continue;
      }

      break;
    }

    if (opts.nonegate !== true && code === CHAR_EXCLAMATION_MARK && index === start) {
      negated = token.negated = true;
      start++;
      continue;
    }

    if (opts.noparen !== true && code === CHAR_LEFT_PARENTHESES) {
      isGlob = token.isGlob = true;

      if (scanToEnd === true) {
        let parens = 1;

        while (eos() !== true && (code = advance())) {
          if (code === CHAR_BACKWARD_SLASH) {
            backslashes = token.backslashes = true;
            advance();
            continue;
          }

          if (code === CHAR_LEFT_PARENTHESES) {
            parens++;
            continue;
          }

          if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
            finished = true;
            break;
          }
        }
        continue;
      }
      break;
    }

    if (isGlob === true) {
      finished = true;

      if (scanToEnd === true) {
        continue;
      }

      break;
    }
  }

  if (opts.noext === true) {
    isExtglob = false;
    isGlob = false;
  }

  let base = str;
  let prefix = '';
  let glob = '';

  if (start > 0) {
    prefix = str.slice(0, start);
    str = str.slice(start);
    lastIndex -= start;
  }

  if (base && isGlob === true && lastIndex > 0) {
    base = str.slice(0, lastIndex);
    glob = str.slice(lastIndex);
  } else if (isGlob === true) {
    base = '';
    glob = str;
  } else {
    base = str;
  }

  if (base && base !== '' && base !== '/' && base !== str) {
    if (isPathSeparator(base.charCodeAt(base.length - 1))) {
      base = base.slice(0, -1);
    }
  }

  if (opts.unescape === true) {
    if (glob) glob = utils.removeBackslashes(glob);

    if (base && backslashes === true) {
      base = utils.removeBackslashes(base);
    }
  }

  const state = {
    prefix,
    input,
    start,
    base,
    glob,
    isBrace,
    isBracket,
    isGlob,
    isExtglob,
    isGlobstar,
    negated,
    negatedExtglob
  };

  if (opts.tokens === true) {
    state.maxDepth = 0;
    if (!isPathSeparator(code)) {
      tokens.push(token);
    }
    state.tokens = tokens;
  }

  if (opts.parts === true || opts.tokens === true) {
    let prevIndex;

    for (let idx = 0; idx < slashes.length; idx++) {
      const n = prevIndex !== undefined ? prevIndex + 1 : start;
      const i = slashes[idx];
      const value = input.slice(n, i);
      if (opts.tokens) {
        if (idx === 0 && start !== 0) {
          tokens[idx].isPrefix = true;
          tokens[idx].value = prefix;
        } else {
          tokens[idx].value = value;
        }
        depth(tokens[idx]);
        state.maxDepth += tokens[idx].depth;
      }
      if (i >= start) {
        parts.push(value);
        prevIndex = i;
      }
    }

    const n = prevIndex !== undefined ? prevIndex + 1 : start;
    const value = input.slice(n);
    parts.push(value);

    if (opts.tokens && prevIndex && prevIndex + 1 < input.length) {
      tokens[tokens.length - 1].value = value;
      depth(tokens[tokens.length - 1]);
      state.maxDepth += tokens[tokens.length - 1].depth;
    }

    state.slashes = slashes;
    state.parts = parts;
  }

  return state;
};

module.exports = scan;


/***/ }),

/***/ 59:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

/*global navigator*/


const {
  REGEX_BACKSLASH,
  REGEX_REMOVE_BACKSLASH,
  REGEX_SPECIAL_CHARS,
  REGEX_SPECIAL_CHARS_GLOBAL
} = __nccwpck_require__(595);

exports.isObject = val => val !== null && typeof val === 'object' && !Array.isArray(val);
exports.hasRegexChars = str => REGEX_SPECIAL_CHARS.test(str);
exports.isRegexChar = str => str.length === 1 && exports.hasRegexChars(str);
exports.escapeRegex = str => str.replace(REGEX_SPECIAL_CHARS_GLOBAL, '\\$1');
exports.toPosixSlashes = str => str.replace(REGEX_BACKSLASH, '/');

exports.isWindows = () => {
  if (typeof navigator !== 'undefined' && navigator.platform) {
    const platform = navigator.platform.toLowerCase();
    return platform === 'win32' || platform === 'windows';
  }

  if (typeof process !== 'undefined' && process.platform) {
    return process.platform === 'win32';
  }

  return false;
};

exports.removeBackslashes = str => {
  return str.replace(REGEX_REMOVE_BACKSLASH, match => {
    return match === '\\' ? '' : match;
  });
};

exports.escapeLast = (input, char, lastIdx) => {
  const idx = input.lastIndexOf(char, lastIdx);
  if (idx === -1) return input;
  if (input[idx - 1] === '\\') return exports.escapeLast(input, char, idx - 1);
  return `${input.slice(0, idx)}\\${input.slice(idx)}`;
};

exports.removePrefix = (input, state = {}) => {
  let output = input;
  if (output.startsWith('./')) {
    output = output.slice(2);
    state.prefix = './';
  }
  return output;
};

exports.wrapOutput = (input, state = {}, options = {}) => {
  const prepend = options.contains ? '' : '^';
  const append = options.contains ? '' : '$';

  let output = `${prepend}(?:${input})${append}`;
  if (state.negated === true) {
    output = `(?:^(?!${output}).*$)`;
  }
  return output;
};

exports.basename = (path, { windows } = {}) => {
  const segs = path.split(windows ? /[\\/]/ : '/');
  const last = segs[segs.length - 1];

  if (last === '') {
    return segs[segs.length - 2];
  }

  return last;
};


/***/ }),

/***/ 383:
/***/ (function(module, exports) {

var __spreadArray = (this && this.__spreadArray) || function (to, from, pack) {
    if (pack || arguments.length === 2) for (var i = 0, l = from.length, ar; i < l; i++) {
        if (ar || !(i in from)) {
            if (!ar) ar = Array.prototype.slice.call(from, 0, i);
            ar[i] = from[i];
        }
    }
    return to.concat(ar || Array.prototype.slice.call(from));
};
(function (factory) {
    if ( true && typeof module.exports === "object") {
        var v = factory(__WEBPACK_EXTERNAL_createRequire(import.meta.url), exports);
        if (v !== undefined) module.exports = v;
    }
    else if (typeof define === "function" && define.amd) {
        define(["require", "exports"], factory);
    }
})(function (require, exports) {
    /* --------------------------------------------------------------------------------------------
     * Copyright (c) Microsoft Corporation. All rights reserved.
     * Licensed under the MIT License. See License.txt in the project root for license information.
     * ------------------------------------------------------------------------------------------ */
    'use strict';
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.TextDocument = void 0;
    var FullTextDocument = /** @class */ (function () {
        function FullTextDocument(uri, languageId, version, content) {
            this._uri = uri;
            this._languageId = languageId;
            this._version = version;
            this._content = content;
            this._lineOffsets = undefined;
        }
        Object.defineProperty(FullTextDocument.prototype, "uri", {
            get: function () {
                return this._uri;
            },
            enumerable: false,
            configurable: true
        });
        Object.defineProperty(FullTextDocument.prototype, "languageId", {
            get: function () {
                return this._languageId;
            },
            enumerable: false,
            configurable: true
        });
        Object.defineProperty(FullTextDocument.prototype, "version", {
            get: function () {
                return this._version;
            },
            enumerable: false,
            configurable: true
        });
        FullTextDocument.prototype.getText = function (range) {
            if (range) {
                var start = this.offsetAt(range.start);
                var end = this.offsetAt(range.end);
                return this._content.substring(start, end);
            }
            return this._content;
        };
        FullTextDocument.prototype.update = function (changes, version) {
            for (var _i = 0, changes_1 = changes; _i < changes_1.length; _i++) {
                var change = changes_1[_i];
                if (FullTextDocument.isIncremental(change)) {
                    // makes sure start is before end
                    var range = getWellformedRange(change.range);
                    // update content
                    var startOffset = this.offsetAt(range.start);
                    var endOffset = this.offsetAt(range.end);
                    this._content = this._content.substring(0, startOffset) + change.text + this._content.substring(endOffset, this._content.length);
                    var insertedEndOffset = startOffset + change.text.length;
                    var crlfAtStart = this._content.charCodeAt(startOffset - 1) === 13 /* CharCode.CarriageReturn */ && this._content.charCodeAt(startOffset) === 10 /* CharCode.LineFeed */;
                    var crlfAtEnd = this._content.charCodeAt(insertedEndOffset - 1) === 13 /* CharCode.CarriageReturn */ && this._content.charCodeAt(insertedEndOffset) === 10 /* CharCode.LineFeed */;
                    if (crlfAtStart || crlfAtEnd) {
                        // A CRLF pair across an edit boundary is not included in the inserted text's line offsets.
                        this._lineOffsets = undefined;
                        continue;
                    }
                    // update the offsets
                    var startLine = Math.max(range.start.line, 0);
                    var endLine = Math.max(range.end.line, 0);
                    var lineOffsets = this._lineOffsets;
                    var addedLineOffsets = computeLineOffsets(change.text, false, startOffset);
                    if (endLine - startLine === addedLineOffsets.length) {
                        for (var i = 0, len = addedLineOffsets.length; i < len; i++) {
                            lineOffsets[i + startLine + 1] = addedLineOffsets[i];
                        }
                    }
                    else {
                        if (addedLineOffsets.length < 10000) {
                            lineOffsets.splice.apply(lineOffsets, __spreadArray([startLine + 1, endLine - startLine], addedLineOffsets, false));
                        }
                        else { // avoid too many arguments for splice
                            this._lineOffsets = lineOffsets = lineOffsets.slice(0, startLine + 1).concat(addedLineOffsets, lineOffsets.slice(endLine + 1));
                        }
                    }
                    var diff = change.text.length - (endOffset - startOffset);
                    if (diff !== 0) {
                        for (var i = startLine + 1 + addedLineOffsets.length, len = lineOffsets.length; i < len; i++) {
                            lineOffsets[i] = lineOffsets[i] + diff;
                        }
                    }
                }
                else if (FullTextDocument.isFull(change)) {
                    this._content = change.text;
                    this._lineOffsets = undefined;
                }
                else {
                    throw new Error('Unknown change event received');
                }
            }
            this._version = version;
        };
        FullTextDocument.prototype.getLineOffsets = function () {
            if (this._lineOffsets === undefined) {
                this._lineOffsets = computeLineOffsets(this._content, true);
            }
            return this._lineOffsets;
        };
        FullTextDocument.prototype.positionAt = function (offset) {
            offset = Math.max(Math.min(offset, this._content.length), 0);
            var lineOffsets = this.getLineOffsets();
            var low = 0, high = lineOffsets.length;
            if (high === 0) {
                return { line: 0, character: offset };
            }
            while (low < high) {
                var mid = Math.floor((low + high) / 2);
                if (lineOffsets[mid] > offset) {
                    high = mid;
                }
                else {
                    low = mid + 1;
                }
            }
            // low is the least x for which the line offset is larger than the current offset
            // or array.length if no line offset is larger than the current offset
            var line = low - 1;
            offset = this.ensureBeforeEOL(offset, lineOffsets[line]);
            return { line: line, character: offset - lineOffsets[line] };
        };
        FullTextDocument.prototype.offsetAt = function (position) {
            var lineOffsets = this.getLineOffsets();
            if (position.line >= lineOffsets.length) {
                return this._content.length;
            }
            else if (position.line < 0) {
                return 0;
            }
            var lineOffset = lineOffsets[position.line];
            if (position.character <= 0) {
                return lineOffset;
            }
            var nextLineOffset = (position.line + 1 < lineOffsets.length) ? lineOffsets[position.line + 1] : this._content.length;
            var offset = Math.min(lineOffset + position.character, nextLineOffset);
            return this.ensureBeforeEOL(offset, lineOffset);
        };
        FullTextDocument.prototype.getLineRange = function (line) {
            var lineOffsets = this.getLineOffsets();
            if (line >= lineOffsets.length) {
                var lastLine = lineOffsets.length - 1;
                return { start: { line: lastLine, character: 0 }, end: { line: lastLine, character: this._content.length - lineOffsets[lastLine] } };
            }
            else if (line < 0) {
                return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
            }
            var startOffset = lineOffsets[line];
            var nextLineOffset = (line + 1 < lineOffsets.length) ? lineOffsets[line + 1] : this._content.length;
            var endOffset = this.ensureBeforeEOL(nextLineOffset, startOffset);
            return { start: { line: line, character: 0 }, end: { line: line, character: endOffset - startOffset } };
        };
        FullTextDocument.prototype.getEOLCharacters = function (line) {
            var lineOffsets = this.getLineOffsets();
            if (line >= lineOffsets.length) {
                return '';
            }
            else if (line < 0) {
                return '';
            }
            var nextLineOffset = (line + 1 < lineOffsets.length) ? lineOffsets[line + 1] : this._content.length;
            var eolOffset = this.ensureBeforeEOL(nextLineOffset, lineOffsets[line]);
            return this._content.substring(eolOffset, nextLineOffset);
        };
        FullTextDocument.prototype.ensureBeforeEOL = function (offset, lineOffset) {
            while (offset > lineOffset && isEOL(this._content.charCodeAt(offset - 1))) {
                offset--;
            }
            return offset;
        };
        Object.defineProperty(FullTextDocument.prototype, "lineCount", {
            get: function () {
                return this.getLineOffsets().length;
            },
            enumerable: false,
            configurable: true
        });
        FullTextDocument.isIncremental = function (event) {
            var candidate = event;
            return candidate !== undefined && candidate !== null &&
                typeof candidate.text === 'string' && candidate.range !== undefined &&
                (candidate.rangeLength === undefined || typeof candidate.rangeLength === 'number');
        };
        FullTextDocument.isFull = function (event) {
            var candidate = event;
            return candidate !== undefined && candidate !== null &&
                typeof candidate.text === 'string' && candidate.range === undefined && candidate.rangeLength === undefined;
        };
        return FullTextDocument;
    }());
    var TextDocument;
    (function (TextDocument) {
        /**
         * Creates a new text document.
         *
         * @param uri The document's uri.
         * @param languageId  The document's language Id.
         * @param version The document's initial version number.
         * @param content The document's content.
         */
        function create(uri, languageId, version, content) {
            return new FullTextDocument(uri, languageId, version, content);
        }
        TextDocument.create = create;
        /**
         * Updates a TextDocument by modifying its content.
         *
         * @param document the document to update. Only documents created by TextDocument.create are valid inputs.
         * @param changes the changes to apply to the document.
         * @param version the changes version for the document.
         * @returns The updated TextDocument. Note: That's the same document instance passed in as first parameter.
         *
         */
        function update(document, changes, version) {
            if (document instanceof FullTextDocument) {
                document.update(changes, version);
                return document;
            }
            else {
                throw new Error('TextDocument.update: document must be created by TextDocument.create');
            }
        }
        TextDocument.update = update;
        function applyEdits(document, edits) {
            var text = document.getText();
            var sortedEdits = mergeSort(edits.map(getWellformedEdit), function (a, b) {
                var diff = a.range.start.line - b.range.start.line;
                if (diff === 0) {
                    return a.range.start.character - b.range.start.character;
                }
                return diff;
            });
            var lastModifiedOffset = 0;
            var spans = [];
            for (var _i = 0, sortedEdits_1 = sortedEdits; _i < sortedEdits_1.length; _i++) {
                var e = sortedEdits_1[_i];
                var startOffset = document.offsetAt(e.range.start);
                if (startOffset < lastModifiedOffset) {
                    throw new Error('Overlapping edit');
                }
                else if (startOffset > lastModifiedOffset) {
                    spans.push(text.substring(lastModifiedOffset, startOffset));
                }
                if (e.newText.length) {
                    spans.push(e.newText);
                }
                lastModifiedOffset = document.offsetAt(e.range.end);
            }
            spans.push(text.substr(lastModifiedOffset));
            return spans.join('');
        }
        TextDocument.applyEdits = applyEdits;
    })(TextDocument || (exports.TextDocument = TextDocument = {}));
    function mergeSort(data, compare) {
        if (data.length <= 1) {
            // sorted
            return data;
        }
        var p = (data.length / 2) | 0;
        var left = data.slice(0, p);
        var right = data.slice(p);
        mergeSort(left, compare);
        mergeSort(right, compare);
        var leftIdx = 0;
        var rightIdx = 0;
        var i = 0;
        while (leftIdx < left.length && rightIdx < right.length) {
            var ret = compare(left[leftIdx], right[rightIdx]);
            if (ret <= 0) {
                // smaller_equal -> take left to preserve order
                data[i++] = left[leftIdx++];
            }
            else {
                // greater -> take right
                data[i++] = right[rightIdx++];
            }
        }
        while (leftIdx < left.length) {
            data[i++] = left[leftIdx++];
        }
        while (rightIdx < right.length) {
            data[i++] = right[rightIdx++];
        }
        return data;
    }
    function computeLineOffsets(text, isAtLineStart, textOffset) {
        if (textOffset === void 0) { textOffset = 0; }
        var result = isAtLineStart ? [textOffset] : [];
        for (var i = 0; i < text.length; i++) {
            var ch = text.charCodeAt(i);
            if (isEOL(ch)) {
                if (ch === 13 /* CharCode.CarriageReturn */ && i + 1 < text.length && text.charCodeAt(i + 1) === 10 /* CharCode.LineFeed */) {
                    i++;
                }
                result.push(textOffset + i + 1);
            }
        }
        return result;
    }
    function isEOL(char) {
        return char === 13 /* CharCode.CarriageReturn */ || char === 10 /* CharCode.LineFeed */;
    }
    function getWellformedRange(range) {
        var start = range.start;
        var end = range.end;
        if (start.line > end.line || (start.line === end.line && start.character > end.character)) {
            return { start: end, end: start };
        }
        return range;
    }
    function getWellformedEdit(textEdit) {
        var range = getWellformedRange(textEdit.range);
        if (range !== textEdit.range) {
            return { newText: textEdit.newText, range: range };
        }
        return textEdit;
    }
});


/***/ }),

/***/ 612:
/***/ ((module, exports) => {

(function (factory) {
    if ( true && typeof module.exports === "object") {
        var v = factory(__WEBPACK_EXTERNAL_createRequire(import.meta.url), exports);
        if (v !== undefined) module.exports = v;
    }
    else if (typeof define === "function" && define.amd) {
        define(["require", "exports"], factory);
    }
})(function () {
    /* --------------------------------------------------------------------------------------------
     * Copyright (c) Microsoft Corporation. All rights reserved.
     * Licensed under the MIT License. See License.txt in the project root for license information.
     * ------------------------------------------------------------------------------------------ */
    'use strict';
    Object.defineProperty(exports, "__esModule", ({ value: true }));
    exports.TextDocument = exports.EOL = exports.WorkspaceFolder = exports.InlineCompletionContext = exports.SelectedCompletionInfo = exports.InlineCompletionTriggerKind = exports.InlineCompletionList = exports.InlineCompletionItem = exports.StringValue = exports.InlayHint = exports.InlayHintLabelPart = exports.InlayHintKind = exports.InlineValueContext = exports.InlineValueEvaluatableExpression = exports.InlineValueVariableLookup = exports.InlineValueText = exports.SemanticTokens = exports.SemanticTokenModifiers = exports.SemanticTokenTypes = exports.SelectionRange = exports.DocumentLink = exports.FormattingOptions = exports.CodeLens = exports.CodeAction = exports.CodeActionTag = exports.CodeActionContext = exports.CodeActionTriggerKind = exports.CodeActionKind = exports.DocumentSymbol = exports.WorkspaceSymbol = exports.SymbolInformation = exports.SymbolTag = exports.SymbolKind = exports.DocumentHighlight = exports.DocumentHighlightKind = exports.SignatureInformation = exports.ParameterInformation = exports.Hover = exports.MarkedString = exports.CompletionList = exports.CompletionItem = exports.CompletionItemLabelDetails = exports.ApplyKind = exports.InsertTextMode = exports.InsertReplaceEdit = exports.CompletionItemTag = exports.InsertTextFormat = exports.CompletionItemKind = exports.MarkupContent = exports.MarkupKind = exports.TextDocumentItem = exports.LanguageKind = exports.OptionalVersionedTextDocumentIdentifier = exports.VersionedTextDocumentIdentifier = exports.TextDocumentIdentifier = exports.WorkspaceChange = exports.SnippetTextEdit = exports.WorkspaceEdit = exports.DeleteFile = exports.RenameFile = exports.CreateFile = exports.TextDocumentEdit = exports.AnnotatedTextEdit = exports.ChangeAnnotationIdentifier = exports.ChangeAnnotation = exports.TextEdit = exports.Command = exports.Diagnostic = exports.CodeDescription = exports.DiagnosticTag = exports.DiagnosticSeverity = exports.DiagnosticRelatedInformation = exports.FoldingRange = exports.FoldingRangeKind = exports.ColorPresentation = exports.ColorInformation = exports.Color = exports.LocationLink = exports.Location = exports.Range = exports.Position = exports.uinteger = exports.integer = exports.URI = exports.DocumentUri = void 0;
    var DocumentUri;
    (function (DocumentUri) {
        function is(value) {
            return typeof value === 'string';
        }
        DocumentUri.is = is;
    })(DocumentUri || (exports.DocumentUri = DocumentUri = {}));
    var URI;
    (function (URI) {
        function is(value) {
            return typeof value === 'string';
        }
        URI.is = is;
    })(URI || (exports.URI = URI = {}));
    var integer;
    (function (integer) {
        integer.MIN_VALUE = -2147483648;
        integer.MAX_VALUE = 2147483647;
        function is(value) {
            return typeof value === 'number' && integer.MIN_VALUE <= value && value <= integer.MAX_VALUE;
        }
        integer.is = is;
    })(integer || (exports.integer = integer = {}));
    var uinteger;
    (function (uinteger) {
        uinteger.MIN_VALUE = 0;
        uinteger.MAX_VALUE = 2147483647;
        function is(value) {
            return typeof value === 'number' && uinteger.MIN_VALUE <= value && value <= uinteger.MAX_VALUE;
        }
        uinteger.is = is;
    })(uinteger || (exports.uinteger = uinteger = {}));
    /**
     * The Position namespace provides helper functions to work with
     * {@link Position} literals.
     */
    var Position;
    (function (Position) {
        /**
         * Creates a new Position literal from the given line and character.
         * @param line The position's line.
         * @param character The position's character.
         */
        function create(line, character) {
            if (line === Number.MAX_VALUE) {
                line = uinteger.MAX_VALUE;
            }
            if (character === Number.MAX_VALUE) {
                character = uinteger.MAX_VALUE;
            }
            return { line: line, character: character };
        }
        Position.create = create;
        /**
         * Checks whether the given literal conforms to the {@link Position} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate) && Is.uinteger(candidate.line) && Is.uinteger(candidate.character);
        }
        Position.is = is;
    })(Position || (exports.Position = Position = {}));
    /**
     * The Range namespace provides helper functions to work with
     * {@link Range} literals.
     */
    var Range;
    (function (Range) {
        function create(one, two, three, four) {
            if (Is.uinteger(one) && Is.uinteger(two) && Is.uinteger(three) && Is.uinteger(four)) {
                return { start: Position.create(one, two), end: Position.create(three, four) };
            }
            else if (Position.is(one) && Position.is(two)) {
                return { start: one, end: two };
            }
            else {
                throw new Error("Range#create called with invalid arguments[".concat(one, ", ").concat(two, ", ").concat(three, ", ").concat(four, "]"));
            }
        }
        Range.create = create;
        /**
         * Checks whether the given literal conforms to the {@link Range} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate) && Position.is(candidate.start) && Position.is(candidate.end);
        }
        Range.is = is;
    })(Range || (exports.Range = Range = {}));
    /**
     * The Location namespace provides helper functions to work with
     * {@link Location} literals.
     */
    var Location;
    (function (Location) {
        /**
         * Creates a Location literal.
         * @param uri The location's uri.
         * @param range The location's range.
         */
        function create(uri, range) {
            return { uri: uri, range: range };
        }
        Location.create = create;
        /**
         * Checks whether the given literal conforms to the {@link Location} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate) && Range.is(candidate.range) && (Is.string(candidate.uri) || Is.undefined(candidate.uri));
        }
        Location.is = is;
    })(Location || (exports.Location = Location = {}));
    /**
     * The LocationLink namespace provides helper functions to work with
     * {@link LocationLink} literals.
     */
    var LocationLink;
    (function (LocationLink) {
        /**
         * Creates a LocationLink literal.
         * @param targetUri The definition's uri.
         * @param targetRange The full range of the definition.
         * @param targetSelectionRange The span of the symbol definition at the target.
         * @param originSelectionRange The span of the symbol being defined in the originating source file.
         */
        function create(targetUri, targetRange, targetSelectionRange, originSelectionRange) {
            return { targetUri: targetUri, targetRange: targetRange, targetSelectionRange: targetSelectionRange, originSelectionRange: originSelectionRange };
        }
        LocationLink.create = create;
        /**
         * Checks whether the given literal conforms to the {@link LocationLink} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate) && Range.is(candidate.targetRange) && Is.string(candidate.targetUri)
                && Range.is(candidate.targetSelectionRange)
                && (Range.is(candidate.originSelectionRange) || Is.undefined(candidate.originSelectionRange));
        }
        LocationLink.is = is;
    })(LocationLink || (exports.LocationLink = LocationLink = {}));
    /**
     * The Color namespace provides helper functions to work with
     * {@link Color} literals.
     */
    var Color;
    (function (Color) {
        /**
         * Creates a new Color literal.
         */
        function create(red, green, blue, alpha) {
            return {
                red: red,
                green: green,
                blue: blue,
                alpha: alpha,
            };
        }
        Color.create = create;
        /**
         * Checks whether the given literal conforms to the {@link Color} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate) && Is.numberRange(candidate.red, 0, 1)
                && Is.numberRange(candidate.green, 0, 1)
                && Is.numberRange(candidate.blue, 0, 1)
                && Is.numberRange(candidate.alpha, 0, 1);
        }
        Color.is = is;
    })(Color || (exports.Color = Color = {}));
    /**
     * The ColorInformation namespace provides helper functions to work with
     * {@link ColorInformation} literals.
     */
    var ColorInformation;
    (function (ColorInformation) {
        /**
         * Creates a new ColorInformation literal.
         */
        function create(range, color) {
            return {
                range: range,
                color: color,
            };
        }
        ColorInformation.create = create;
        /**
         * Checks whether the given literal conforms to the {@link ColorInformation} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate) && Range.is(candidate.range) && Color.is(candidate.color);
        }
        ColorInformation.is = is;
    })(ColorInformation || (exports.ColorInformation = ColorInformation = {}));
    /**
     * The Color namespace provides helper functions to work with
     * {@link ColorPresentation} literals.
     */
    var ColorPresentation;
    (function (ColorPresentation) {
        /**
         * Creates a new ColorInformation literal.
         */
        function create(label, textEdit, additionalTextEdits) {
            return {
                label: label,
                textEdit: textEdit,
                additionalTextEdits: additionalTextEdits,
            };
        }
        ColorPresentation.create = create;
        /**
         * Checks whether the given literal conforms to the {@link ColorInformation} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate) && Is.string(candidate.label)
                && (Is.undefined(candidate.textEdit) || TextEdit.is(candidate.textEdit))
                && (Is.undefined(candidate.additionalTextEdits) || Is.typedArray(candidate.additionalTextEdits, TextEdit.is));
        }
        ColorPresentation.is = is;
    })(ColorPresentation || (exports.ColorPresentation = ColorPresentation = {}));
    /**
     * A set of predefined range kinds.
     */
    var FoldingRangeKind;
    (function (FoldingRangeKind) {
        /**
         * Folding range for a comment
         */
        FoldingRangeKind.Comment = 'comment';
        /**
         * Folding range for an import or include
         */
        FoldingRangeKind.Imports = 'imports';
        /**
         * Folding range for a region (e.g. `#region`)
         */
        FoldingRangeKind.Region = 'region';
    })(FoldingRangeKind || (exports.FoldingRangeKind = FoldingRangeKind = {}));
    /**
     * The folding range namespace provides helper functions to work with
     * {@link FoldingRange} literals.
     */
    var FoldingRange;
    (function (FoldingRange) {
        /**
         * Creates a new FoldingRange literal.
         */
        function create(startLine, endLine, startCharacter, endCharacter, kind, collapsedText) {
            var result = {
                startLine: startLine,
                endLine: endLine
            };
            if (Is.defined(startCharacter)) {
                result.startCharacter = startCharacter;
            }
            if (Is.defined(endCharacter)) {
                result.endCharacter = endCharacter;
            }
            if (Is.defined(kind)) {
                result.kind = kind;
            }
            if (Is.defined(collapsedText)) {
                result.collapsedText = collapsedText;
            }
            return result;
        }
        FoldingRange.create = create;
        /**
         * Checks whether the given literal conforms to the {@link FoldingRange} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate) && Is.uinteger(candidate.startLine) && Is.uinteger(candidate.endLine)
                && (Is.undefined(candidate.startCharacter) || Is.uinteger(candidate.startCharacter))
                && (Is.undefined(candidate.endCharacter) || Is.uinteger(candidate.endCharacter))
                && (Is.undefined(candidate.kind) || Is.string(candidate.kind));
        }
        FoldingRange.is = is;
    })(FoldingRange || (exports.FoldingRange = FoldingRange = {}));
    /**
     * The DiagnosticRelatedInformation namespace provides helper functions to work with
     * {@link DiagnosticRelatedInformation} literals.
     */
    var DiagnosticRelatedInformation;
    (function (DiagnosticRelatedInformation) {
        /**
         * Creates a new DiagnosticRelatedInformation literal.
         */
        function create(location, message) {
            return {
                location: location,
                message: message
            };
        }
        DiagnosticRelatedInformation.create = create;
        /**
         * Checks whether the given literal conforms to the {@link DiagnosticRelatedInformation} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.defined(candidate) && Location.is(candidate.location) && Is.string(candidate.message);
        }
        DiagnosticRelatedInformation.is = is;
    })(DiagnosticRelatedInformation || (exports.DiagnosticRelatedInformation = DiagnosticRelatedInformation = {}));
    /**
     * The diagnostic's severity.
     */
    var DiagnosticSeverity;
    (function (DiagnosticSeverity) {
        /**
         * Reports an error.
         */
        DiagnosticSeverity.Error = 1;
        /**
         * Reports a warning.
         */
        DiagnosticSeverity.Warning = 2;
        /**
         * Reports an information.
         */
        DiagnosticSeverity.Information = 3;
        /**
         * Reports a hint.
         */
        DiagnosticSeverity.Hint = 4;
    })(DiagnosticSeverity || (exports.DiagnosticSeverity = DiagnosticSeverity = {}));
    /**
     * The diagnostic tags.
     *
     * @since 3.15.0
     */
    var DiagnosticTag;
    (function (DiagnosticTag) {
        /**
         * Unused or unnecessary code.
         *
         * Clients are allowed to render diagnostics with this tag faded out instead of having
         * an error squiggle.
         */
        DiagnosticTag.Unnecessary = 1;
        /**
         * Deprecated or obsolete code.
         *
         * Clients are allowed to rendered diagnostics with this tag strike through.
         */
        DiagnosticTag.Deprecated = 2;
    })(DiagnosticTag || (exports.DiagnosticTag = DiagnosticTag = {}));
    /**
     * The CodeDescription namespace provides functions to deal with descriptions for diagnostic codes.
     *
     * @since 3.16.0
     */
    var CodeDescription;
    (function (CodeDescription) {
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate) && Is.string(candidate.href);
        }
        CodeDescription.is = is;
    })(CodeDescription || (exports.CodeDescription = CodeDescription = {}));
    /**
     * The Diagnostic namespace provides helper functions to work with
     * {@link Diagnostic} literals.
     */
    var Diagnostic;
    (function (Diagnostic) {
        /**
         * Creates a new Diagnostic literal.
         */
        function create(range, message, severity, code, source, relatedInformation) {
            var result = { range: range, message: message };
            if (Is.defined(severity)) {
                result.severity = severity;
            }
            if (Is.defined(code)) {
                result.code = code;
            }
            if (Is.defined(source)) {
                result.source = source;
            }
            if (Is.defined(relatedInformation)) {
                result.relatedInformation = relatedInformation;
            }
            return result;
        }
        Diagnostic.create = create;
        /**
         * Checks whether the given literal conforms to the {@link Diagnostic} interface.
         */
        function is(value) {
            var _a;
            var candidate = value;
            return Is.defined(candidate)
                && Range.is(candidate.range)
                && (Is.string(candidate.message) || MarkupContent.is(candidate.message))
                && (Is.number(candidate.severity) || Is.undefined(candidate.severity))
                && (Is.integer(candidate.code) || Is.string(candidate.code) || Is.undefined(candidate.code))
                && (Is.undefined(candidate.codeDescription) || (Is.string((_a = candidate.codeDescription) === null || _a === void 0 ? void 0 : _a.href)))
                && (Is.string(candidate.source) || Is.undefined(candidate.source))
                && (Is.undefined(candidate.relatedInformation) || Is.typedArray(candidate.relatedInformation, DiagnosticRelatedInformation.is));
        }
        Diagnostic.is = is;
        /**
         * Checks whether the given diagnostic's message conforms to the 3.17.0
         * version of the protocol where the message is a string.
         *
         * @param value the diagnostic
         * @returns true if the diagnostic's message is a string, false otherwise.
         */
        function is3_17(value) {
            return Is.string(value.message);
        }
        Diagnostic.is3_17 = is3_17;
        /**
         * Gets the message string of a diagnostic. If the message is already a
         * string, it is returned as is. If the message is a MarkupContent,
         * the value of the MarkupContent is returned. Otherwise an error is thrown.
         *
         * @param diagnostic the diagnostic to get the message string from.
         * @returns the message string of the given diagnostic.
         */
        function getMessageString(diagnostic) {
            if (Is.string(diagnostic.message)) {
                return diagnostic.message;
            }
            else if (MarkupContent.is(diagnostic.message)) {
                return diagnostic.message.value;
            }
            else {
                throw new Error("Unknown message type ".concat(typeof diagnostic.message));
            }
        }
        Diagnostic.getMessageString = getMessageString;
    })(Diagnostic || (exports.Diagnostic = Diagnostic = {}));
    /**
     * The Command namespace provides helper functions to work with
     * {@link Command} literals.
     */
    var Command;
    (function (Command) {
        /**
         * Creates a new Command literal.
         */
        function create(title, command) {
            var args = [];
            for (var _i = 2; _i < arguments.length; _i++) {
                args[_i - 2] = arguments[_i];
            }
            var result = { title: title, command: command };
            if (Is.defined(args) && args.length > 0) {
                result.arguments = args;
            }
            return result;
        }
        Command.create = create;
        /**
         * Checks whether the given literal conforms to the {@link Command} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.defined(candidate) && Is.string(candidate.title) && (candidate.tooltip === undefined || Is.string(candidate.tooltip)) && Is.string(candidate.command);
        }
        Command.is = is;
    })(Command || (exports.Command = Command = {}));
    /**
     * The TextEdit namespace provides helper function to create replace,
     * insert and delete edits more easily.
     */
    var TextEdit;
    (function (TextEdit) {
        /**
         * Creates a replace text edit.
         * @param range The range of text to be replaced.
         * @param newText The new text.
         */
        function replace(range, newText) {
            return { range: range, newText: newText };
        }
        TextEdit.replace = replace;
        /**
         * Creates an insert text edit.
         * @param position The position to insert the text at.
         * @param newText The text to be inserted.
         */
        function insert(position, newText) {
            return { range: { start: position, end: position }, newText: newText };
        }
        TextEdit.insert = insert;
        /**
         * Creates a delete text edit.
         * @param range The range of text to be deleted.
         */
        function del(range) {
            return { range: range, newText: '' };
        }
        TextEdit.del = del;
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate)
                && Is.string(candidate.newText)
                && Range.is(candidate.range);
        }
        TextEdit.is = is;
    })(TextEdit || (exports.TextEdit = TextEdit = {}));
    var ChangeAnnotation;
    (function (ChangeAnnotation) {
        function create(label, needsConfirmation, description) {
            var result = { label: label };
            if (needsConfirmation !== undefined) {
                result.needsConfirmation = needsConfirmation;
            }
            if (description !== undefined) {
                result.description = description;
            }
            return result;
        }
        ChangeAnnotation.create = create;
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate) && Is.string(candidate.label) &&
                (Is.boolean(candidate.needsConfirmation) || candidate.needsConfirmation === undefined) &&
                (Is.string(candidate.description) || candidate.description === undefined);
        }
        ChangeAnnotation.is = is;
    })(ChangeAnnotation || (exports.ChangeAnnotation = ChangeAnnotation = {}));
    var ChangeAnnotationIdentifier;
    (function (ChangeAnnotationIdentifier) {
        function is(value) {
            var candidate = value;
            return Is.string(candidate);
        }
        ChangeAnnotationIdentifier.is = is;
    })(ChangeAnnotationIdentifier || (exports.ChangeAnnotationIdentifier = ChangeAnnotationIdentifier = {}));
    var AnnotatedTextEdit;
    (function (AnnotatedTextEdit) {
        /**
         * Creates an annotated replace text edit.
         *
         * @param range The range of text to be replaced.
         * @param newText The new text.
         * @param annotation The annotation.
         */
        function replace(range, newText, annotation) {
            return { range: range, newText: newText, annotationId: annotation };
        }
        AnnotatedTextEdit.replace = replace;
        /**
         * Creates an annotated insert text edit.
         *
         * @param position The position to insert the text at.
         * @param newText The text to be inserted.
         * @param annotation The annotation.
         */
        function insert(position, newText, annotation) {
            return { range: { start: position, end: position }, newText: newText, annotationId: annotation };
        }
        AnnotatedTextEdit.insert = insert;
        /**
         * Creates an annotated delete text edit.
         *
         * @param range The range of text to be deleted.
         * @param annotation The annotation.
         */
        function del(range, annotation) {
            return { range: range, newText: '', annotationId: annotation };
        }
        AnnotatedTextEdit.del = del;
        function is(value) {
            var candidate = value;
            return TextEdit.is(candidate) && (ChangeAnnotation.is(candidate.annotationId) || ChangeAnnotationIdentifier.is(candidate.annotationId));
        }
        AnnotatedTextEdit.is = is;
    })(AnnotatedTextEdit || (exports.AnnotatedTextEdit = AnnotatedTextEdit = {}));
    /**
     * The TextDocumentEdit namespace provides helper function to create
     * an edit that manipulates a text document.
     */
    var TextDocumentEdit;
    (function (TextDocumentEdit) {
        /**
         * Creates a new `TextDocumentEdit`
         */
        function create(textDocument, edits) {
            return { textDocument: textDocument, edits: edits };
        }
        TextDocumentEdit.create = create;
        function is(value) {
            var candidate = value;
            return Is.defined(candidate)
                && OptionalVersionedTextDocumentIdentifier.is(candidate.textDocument)
                && Array.isArray(candidate.edits);
        }
        TextDocumentEdit.is = is;
    })(TextDocumentEdit || (exports.TextDocumentEdit = TextDocumentEdit = {}));
    var CreateFile;
    (function (CreateFile) {
        function create(uri, options, annotation) {
            var result = {
                kind: 'create',
                uri: uri
            };
            if (options !== undefined && (options.overwrite !== undefined || options.ignoreIfExists !== undefined)) {
                result.options = options;
            }
            if (annotation !== undefined) {
                result.annotationId = annotation;
            }
            return result;
        }
        CreateFile.create = create;
        function is(value) {
            var candidate = value;
            return candidate && candidate.kind === 'create' && Is.string(candidate.uri) && (candidate.options === undefined ||
                ((candidate.options.overwrite === undefined || Is.boolean(candidate.options.overwrite)) && (candidate.options.ignoreIfExists === undefined || Is.boolean(candidate.options.ignoreIfExists)))) && (candidate.annotationId === undefined || ChangeAnnotationIdentifier.is(candidate.annotationId));
        }
        CreateFile.is = is;
    })(CreateFile || (exports.CreateFile = CreateFile = {}));
    var RenameFile;
    (function (RenameFile) {
        function create(oldUri, newUri, options, annotation) {
            var result = {
                kind: 'rename',
                oldUri: oldUri,
                newUri: newUri
            };
            if (options !== undefined && (options.overwrite !== undefined || options.ignoreIfExists !== undefined)) {
                result.options = options;
            }
            if (annotation !== undefined) {
                result.annotationId = annotation;
            }
            return result;
        }
        RenameFile.create = create;
        function is(value) {
            var candidate = value;
            return candidate && candidate.kind === 'rename' && Is.string(candidate.oldUri) && Is.string(candidate.newUri) && (candidate.options === undefined ||
                ((candidate.options.overwrite === undefined || Is.boolean(candidate.options.overwrite)) && (candidate.options.ignoreIfExists === undefined || Is.boolean(candidate.options.ignoreIfExists)))) && (candidate.annotationId === undefined || ChangeAnnotationIdentifier.is(candidate.annotationId));
        }
        RenameFile.is = is;
    })(RenameFile || (exports.RenameFile = RenameFile = {}));
    var DeleteFile;
    (function (DeleteFile) {
        function create(uri, options, annotation) {
            var result = {
                kind: 'delete',
                uri: uri
            };
            if (options !== undefined && (options.recursive !== undefined || options.ignoreIfNotExists !== undefined)) {
                result.options = options;
            }
            if (annotation !== undefined) {
                result.annotationId = annotation;
            }
            return result;
        }
        DeleteFile.create = create;
        function is(value) {
            var candidate = value;
            return candidate && candidate.kind === 'delete' && Is.string(candidate.uri) && (candidate.options === undefined ||
                ((candidate.options.recursive === undefined || Is.boolean(candidate.options.recursive)) && (candidate.options.ignoreIfNotExists === undefined || Is.boolean(candidate.options.ignoreIfNotExists)))) && (candidate.annotationId === undefined || ChangeAnnotationIdentifier.is(candidate.annotationId));
        }
        DeleteFile.is = is;
    })(DeleteFile || (exports.DeleteFile = DeleteFile = {}));
    var WorkspaceEdit;
    (function (WorkspaceEdit) {
        function is(value) {
            var candidate = value;
            return candidate &&
                (candidate.changes !== undefined || candidate.documentChanges !== undefined) &&
                (candidate.documentChanges === undefined || candidate.documentChanges.every(function (change) {
                    if (Is.string(change.kind)) {
                        return CreateFile.is(change) || RenameFile.is(change) || DeleteFile.is(change);
                    }
                    else {
                        return TextDocumentEdit.is(change);
                    }
                }));
        }
        WorkspaceEdit.is = is;
    })(WorkspaceEdit || (exports.WorkspaceEdit = WorkspaceEdit = {}));
    var TextEditChangeImpl = /** @class */ (function () {
        function TextEditChangeImpl(edits, changeAnnotations) {
            this.edits = edits;
            this.changeAnnotations = changeAnnotations;
        }
        TextEditChangeImpl.prototype.insert = function (position, newText, annotation) {
            var edit;
            var id;
            if (annotation === undefined) {
                edit = TextEdit.insert(position, newText);
            }
            else if (ChangeAnnotationIdentifier.is(annotation)) {
                id = annotation;
                edit = AnnotatedTextEdit.insert(position, newText, annotation);
            }
            else {
                this.assertChangeAnnotations(this.changeAnnotations);
                id = this.changeAnnotations.manage(annotation);
                edit = AnnotatedTextEdit.insert(position, newText, id);
            }
            this.edits.push(edit);
            if (id !== undefined) {
                return id;
            }
        };
        TextEditChangeImpl.prototype.replace = function (range, newText, annotation) {
            var edit;
            var id;
            if (annotation === undefined) {
                edit = TextEdit.replace(range, newText);
            }
            else if (ChangeAnnotationIdentifier.is(annotation)) {
                id = annotation;
                edit = AnnotatedTextEdit.replace(range, newText, annotation);
            }
            else {
                this.assertChangeAnnotations(this.changeAnnotations);
                id = this.changeAnnotations.manage(annotation);
                edit = AnnotatedTextEdit.replace(range, newText, id);
            }
            this.edits.push(edit);
            if (id !== undefined) {
                return id;
            }
        };
        TextEditChangeImpl.prototype.delete = function (range, annotation) {
            var edit;
            var id;
            if (annotation === undefined) {
                edit = TextEdit.del(range);
            }
            else if (ChangeAnnotationIdentifier.is(annotation)) {
                id = annotation;
                edit = AnnotatedTextEdit.del(range, annotation);
            }
            else {
                this.assertChangeAnnotations(this.changeAnnotations);
                id = this.changeAnnotations.manage(annotation);
                edit = AnnotatedTextEdit.del(range, id);
            }
            this.edits.push(edit);
            if (id !== undefined) {
                return id;
            }
        };
        TextEditChangeImpl.prototype.add = function (edit) {
            this.edits.push(edit);
        };
        TextEditChangeImpl.prototype.all = function () {
            return this.edits;
        };
        TextEditChangeImpl.prototype.clear = function () {
            this.edits.splice(0, this.edits.length);
        };
        TextEditChangeImpl.prototype.assertChangeAnnotations = function (value) {
            if (value === undefined) {
                throw new Error("Text edit change is not configured to manage change annotations.");
            }
        };
        return TextEditChangeImpl;
    }());
    var SnippetTextEdit;
    (function (SnippetTextEdit) {
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate)
                && Range.is(candidate.range)
                && StringValue.isSnippet(candidate.snippet)
                && (candidate.annotationId === undefined ||
                    (ChangeAnnotation.is(candidate.annotationId) || ChangeAnnotationIdentifier.is(candidate.annotationId)));
        }
        SnippetTextEdit.is = is;
    })(SnippetTextEdit || (exports.SnippetTextEdit = SnippetTextEdit = {}));
    /**
     * A helper class
     */
    var ChangeAnnotations = /** @class */ (function () {
        function ChangeAnnotations(annotations) {
            this._annotations = annotations === undefined ? Object.create(null) : annotations;
            this._counter = 0;
            this._size = 0;
        }
        ChangeAnnotations.prototype.all = function () {
            return this._annotations;
        };
        Object.defineProperty(ChangeAnnotations.prototype, "size", {
            get: function () {
                return this._size;
            },
            enumerable: false,
            configurable: true
        });
        ChangeAnnotations.prototype.manage = function (idOrAnnotation, annotation) {
            var id;
            if (ChangeAnnotationIdentifier.is(idOrAnnotation)) {
                id = idOrAnnotation;
            }
            else {
                id = this.nextId();
                annotation = idOrAnnotation;
            }
            if (this._annotations[id] !== undefined) {
                throw new Error("Id ".concat(id, " is already in use."));
            }
            if (annotation === undefined) {
                throw new Error("No annotation provided for id ".concat(id));
            }
            this._annotations[id] = annotation;
            this._size++;
            return id;
        };
        ChangeAnnotations.prototype.nextId = function () {
            this._counter++;
            return this._counter.toString();
        };
        return ChangeAnnotations;
    }());
    /**
     * A workspace change helps constructing changes to a workspace.
     */
    var WorkspaceChange = /** @class */ (function () {
        function WorkspaceChange(workspaceEdit) {
            var _this = this;
            this._textEditChanges = Object.create(null);
            if (workspaceEdit !== undefined) {
                this._workspaceEdit = workspaceEdit;
                if (workspaceEdit.documentChanges) {
                    this._changeAnnotations = new ChangeAnnotations(workspaceEdit.changeAnnotations);
                    workspaceEdit.changeAnnotations = this._changeAnnotations.all();
                    workspaceEdit.documentChanges.forEach(function (change) {
                        if (TextDocumentEdit.is(change)) {
                            var textEditChange = new TextEditChangeImpl(change.edits, _this._changeAnnotations);
                            _this._textEditChanges[change.textDocument.uri] = textEditChange;
                        }
                    });
                }
                else if (workspaceEdit.changes) {
                    Object.keys(workspaceEdit.changes).forEach(function (key) {
                        var textEditChange = new TextEditChangeImpl(workspaceEdit.changes[key]);
                        _this._textEditChanges[key] = textEditChange;
                    });
                }
            }
            else {
                this._workspaceEdit = {};
            }
        }
        Object.defineProperty(WorkspaceChange.prototype, "edit", {
            /**
             * Returns the underlying {@link WorkspaceEdit} literal
             * use to be returned from a workspace edit operation like rename.
             */
            get: function () {
                this.initDocumentChanges();
                if (this._changeAnnotations !== undefined) {
                    if (this._changeAnnotations.size === 0) {
                        this._workspaceEdit.changeAnnotations = undefined;
                    }
                    else {
                        this._workspaceEdit.changeAnnotations = this._changeAnnotations.all();
                    }
                }
                return this._workspaceEdit;
            },
            enumerable: false,
            configurable: true
        });
        WorkspaceChange.prototype.getTextEditChange = function (key) {
            if (OptionalVersionedTextDocumentIdentifier.is(key)) {
                this.initDocumentChanges();
                if (this._workspaceEdit.documentChanges === undefined) {
                    throw new Error('Workspace edit is not configured for document changes.');
                }
                var textDocument = { uri: key.uri, version: key.version };
                var result = this._textEditChanges[textDocument.uri];
                if (!result) {
                    var edits = [];
                    var textDocumentEdit = {
                        textDocument: textDocument,
                        edits: edits
                    };
                    this._workspaceEdit.documentChanges.push(textDocumentEdit);
                    result = new TextEditChangeImpl(edits, this._changeAnnotations);
                    this._textEditChanges[textDocument.uri] = result;
                }
                return result;
            }
            else {
                this.initChanges();
                if (this._workspaceEdit.changes === undefined) {
                    throw new Error('Workspace edit is not configured for normal text edit changes.');
                }
                var result = this._textEditChanges[key];
                if (!result) {
                    var edits = [];
                    this._workspaceEdit.changes[key] = edits;
                    result = new TextEditChangeImpl(edits);
                    this._textEditChanges[key] = result;
                }
                return result;
            }
        };
        WorkspaceChange.prototype.initDocumentChanges = function () {
            if (this._workspaceEdit.documentChanges === undefined && this._workspaceEdit.changes === undefined) {
                this._changeAnnotations = new ChangeAnnotations();
                this._workspaceEdit.documentChanges = [];
                this._workspaceEdit.changeAnnotations = this._changeAnnotations.all();
            }
        };
        WorkspaceChange.prototype.initChanges = function () {
            if (this._workspaceEdit.documentChanges === undefined && this._workspaceEdit.changes === undefined) {
                this._workspaceEdit.changes = Object.create(null);
            }
        };
        WorkspaceChange.prototype.createFile = function (uri, optionsOrAnnotation, options) {
            this.initDocumentChanges();
            if (this._workspaceEdit.documentChanges === undefined) {
                throw new Error('Workspace edit is not configured for document changes.');
            }
            var annotation;
            if (ChangeAnnotation.is(optionsOrAnnotation) || ChangeAnnotationIdentifier.is(optionsOrAnnotation)) {
                annotation = optionsOrAnnotation;
            }
            else {
                options = optionsOrAnnotation;
            }
            var operation;
            var id;
            if (annotation === undefined) {
                operation = CreateFile.create(uri, options);
            }
            else {
                id = ChangeAnnotationIdentifier.is(annotation) ? annotation : this._changeAnnotations.manage(annotation);
                operation = CreateFile.create(uri, options, id);
            }
            this._workspaceEdit.documentChanges.push(operation);
            if (id !== undefined) {
                return id;
            }
        };
        WorkspaceChange.prototype.renameFile = function (oldUri, newUri, optionsOrAnnotation, options) {
            this.initDocumentChanges();
            if (this._workspaceEdit.documentChanges === undefined) {
                throw new Error('Workspace edit is not configured for document changes.');
            }
            var annotation;
            if (ChangeAnnotation.is(optionsOrAnnotation) || ChangeAnnotationIdentifier.is(optionsOrAnnotation)) {
                annotation = optionsOrAnnotation;
            }
            else {
                options = optionsOrAnnotation;
            }
            var operation;
            var id;
            if (annotation === undefined) {
                operation = RenameFile.create(oldUri, newUri, options);
            }
            else {
                id = ChangeAnnotationIdentifier.is(annotation) ? annotation : this._changeAnnotations.manage(annotation);
                operation = RenameFile.create(oldUri, newUri, options, id);
            }
            this._workspaceEdit.documentChanges.push(operation);
            if (id !== undefined) {
                return id;
            }
        };
        WorkspaceChange.prototype.deleteFile = function (uri, optionsOrAnnotation, options) {
            this.initDocumentChanges();
            if (this._workspaceEdit.documentChanges === undefined) {
                throw new Error('Workspace edit is not configured for document changes.');
            }
            var annotation;
            if (ChangeAnnotation.is(optionsOrAnnotation) || ChangeAnnotationIdentifier.is(optionsOrAnnotation)) {
                annotation = optionsOrAnnotation;
            }
            else {
                options = optionsOrAnnotation;
            }
            var operation;
            var id;
            if (annotation === undefined) {
                operation = DeleteFile.create(uri, options);
            }
            else {
                id = ChangeAnnotationIdentifier.is(annotation) ? annotation : this._changeAnnotations.manage(annotation);
                operation = DeleteFile.create(uri, options, id);
            }
            this._workspaceEdit.documentChanges.push(operation);
            if (id !== undefined) {
                return id;
            }
        };
        return WorkspaceChange;
    }());
    exports.WorkspaceChange = WorkspaceChange;
    /**
     * The TextDocumentIdentifier namespace provides helper functions to work with
     * {@link TextDocumentIdentifier} literals.
     */
    var TextDocumentIdentifier;
    (function (TextDocumentIdentifier) {
        /**
         * Creates a new TextDocumentIdentifier literal.
         * @param uri The document's uri.
         */
        function create(uri) {
            return { uri: uri };
        }
        TextDocumentIdentifier.create = create;
        /**
         * Checks whether the given literal conforms to the {@link TextDocumentIdentifier} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.defined(candidate) && Is.string(candidate.uri);
        }
        TextDocumentIdentifier.is = is;
    })(TextDocumentIdentifier || (exports.TextDocumentIdentifier = TextDocumentIdentifier = {}));
    /**
     * The VersionedTextDocumentIdentifier namespace provides helper functions to work with
     * {@link VersionedTextDocumentIdentifier} literals.
     */
    var VersionedTextDocumentIdentifier;
    (function (VersionedTextDocumentIdentifier) {
        /**
         * Creates a new VersionedTextDocumentIdentifier literal.
         * @param uri The document's uri.
         * @param version The document's version.
         */
        function create(uri, version) {
            return { uri: uri, version: version };
        }
        VersionedTextDocumentIdentifier.create = create;
        /**
         * Checks whether the given literal conforms to the {@link VersionedTextDocumentIdentifier} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.defined(candidate) && Is.string(candidate.uri) && Is.integer(candidate.version);
        }
        VersionedTextDocumentIdentifier.is = is;
    })(VersionedTextDocumentIdentifier || (exports.VersionedTextDocumentIdentifier = VersionedTextDocumentIdentifier = {}));
    /**
     * The OptionalVersionedTextDocumentIdentifier namespace provides helper functions to work with
     * {@link OptionalVersionedTextDocumentIdentifier} literals.
     */
    var OptionalVersionedTextDocumentIdentifier;
    (function (OptionalVersionedTextDocumentIdentifier) {
        /**
         * Creates a new OptionalVersionedTextDocumentIdentifier literal.
         * @param uri The document's uri.
         * @param version The document's version.
         */
        function create(uri, version) {
            return { uri: uri, version: version };
        }
        OptionalVersionedTextDocumentIdentifier.create = create;
        /**
         * Checks whether the given literal conforms to the {@link OptionalVersionedTextDocumentIdentifier} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.defined(candidate) && Is.string(candidate.uri) && (candidate.version === null || Is.integer(candidate.version));
        }
        OptionalVersionedTextDocumentIdentifier.is = is;
    })(OptionalVersionedTextDocumentIdentifier || (exports.OptionalVersionedTextDocumentIdentifier = OptionalVersionedTextDocumentIdentifier = {}));
    /**
     * Predefined Language kinds
     * @since 3.18.0
     */
    var LanguageKind;
    (function (LanguageKind) {
        LanguageKind.ABAP = 'abap';
        LanguageKind.WindowsBat = 'bat';
        LanguageKind.BibTeX = 'bibtex';
        LanguageKind.Clojure = 'clojure';
        LanguageKind.Coffeescript = 'coffeescript';
        LanguageKind.C = 'c';
        LanguageKind.CPP = 'cpp';
        LanguageKind.CSharp = 'csharp';
        LanguageKind.CSS = 'css';
        /**
         * @since 3.18.0
         */
        LanguageKind.D = 'd';
        /**
         * @since 3.18.0
         */
        LanguageKind.Delphi = 'pascal';
        LanguageKind.Diff = 'diff';
        LanguageKind.Dart = 'dart';
        LanguageKind.Dockerfile = 'dockerfile';
        LanguageKind.Elixir = 'elixir';
        LanguageKind.Erlang = 'erlang';
        LanguageKind.FSharp = 'fsharp';
        LanguageKind.GitCommit = 'git-commit';
        LanguageKind.GitRebase = 'git-rebase';
        LanguageKind.Go = 'go';
        LanguageKind.Groovy = 'groovy';
        LanguageKind.Handlebars = 'handlebars';
        LanguageKind.Haskell = 'haskell';
        LanguageKind.HTML = 'html';
        LanguageKind.Ini = 'ini';
        LanguageKind.Java = 'java';
        LanguageKind.JavaScript = 'javascript';
        LanguageKind.JavaScriptReact = 'javascriptreact';
        LanguageKind.JSON = 'json';
        LanguageKind.LaTeX = 'latex';
        LanguageKind.Less = 'less';
        LanguageKind.Lua = 'lua';
        LanguageKind.Makefile = 'makefile';
        LanguageKind.Markdown = 'markdown';
        LanguageKind.ObjectiveC = 'objective-c';
        LanguageKind.ObjectiveCPP = 'objective-cpp';
        /**
         * @since 3.18.0
         */
        LanguageKind.Pascal = 'pascal';
        LanguageKind.Perl = 'perl';
        LanguageKind.Perl6 = 'perl6';
        LanguageKind.PHP = 'php';
        LanguageKind.Plaintext = 'plaintext';
        LanguageKind.Powershell = 'powershell';
        LanguageKind.Pug = 'jade';
        LanguageKind.Python = 'python';
        LanguageKind.R = 'r';
        LanguageKind.Razor = 'razor';
        LanguageKind.Ruby = 'ruby';
        LanguageKind.Rust = 'rust';
        LanguageKind.SCSS = 'scss';
        LanguageKind.SASS = 'sass';
        LanguageKind.Scala = 'scala';
        LanguageKind.ShaderLab = 'shaderlab';
        LanguageKind.ShellScript = 'shellscript';
        LanguageKind.SQL = 'sql';
        LanguageKind.Swift = 'swift';
        LanguageKind.TypeScript = 'typescript';
        LanguageKind.TypeScriptReact = 'typescriptreact';
        LanguageKind.TeX = 'tex';
        LanguageKind.VisualBasic = 'vb';
        LanguageKind.XML = 'xml';
        LanguageKind.XSL = 'xsl';
        LanguageKind.YAML = 'yaml';
    })(LanguageKind || (exports.LanguageKind = LanguageKind = {}));
    /**
     * The TextDocumentItem namespace provides helper functions to work with
     * {@link TextDocumentItem} literals.
     */
    var TextDocumentItem;
    (function (TextDocumentItem) {
        /**
         * Creates a new TextDocumentItem literal.
         * @param uri The document's uri.
         * @param languageId The document's language identifier.
         * @param version The document's version number.
         * @param text The document's text.
         */
        function create(uri, languageId, version, text) {
            return { uri: uri, languageId: languageId, version: version, text: text };
        }
        TextDocumentItem.create = create;
        /**
         * Checks whether the given literal conforms to the {@link TextDocumentItem} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.defined(candidate) && Is.string(candidate.uri) && Is.string(candidate.languageId) && Is.integer(candidate.version) && Is.string(candidate.text);
        }
        TextDocumentItem.is = is;
    })(TextDocumentItem || (exports.TextDocumentItem = TextDocumentItem = {}));
    /**
     * Describes the content type that a client supports in various
     * result literals like `Hover`, `ParameterInfo` or `CompletionItem`.
     *
     * Please note that `MarkupKinds` must not start with a `$`. This kinds
     * are reserved for internal usage.
     */
    var MarkupKind;
    (function (MarkupKind) {
        /**
         * Plain text is supported as a content format
         */
        MarkupKind.PlainText = 'plaintext';
        /**
         * Markdown is supported as a content format
         */
        MarkupKind.Markdown = 'markdown';
        /**
         * Checks whether the given value is a value of the {@link MarkupKind} type.
         */
        function is(value) {
            var candidate = value;
            return candidate === MarkupKind.PlainText || candidate === MarkupKind.Markdown;
        }
        MarkupKind.is = is;
    })(MarkupKind || (exports.MarkupKind = MarkupKind = {}));
    var MarkupContent;
    (function (MarkupContent) {
        /**
         * Checks whether the given value conforms to the {@link MarkupContent} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(value) && MarkupKind.is(candidate.kind) && Is.string(candidate.value);
        }
        MarkupContent.is = is;
    })(MarkupContent || (exports.MarkupContent = MarkupContent = {}));
    /**
     * The kind of a completion entry.
     */
    var CompletionItemKind;
    (function (CompletionItemKind) {
        CompletionItemKind.Text = 1;
        CompletionItemKind.Method = 2;
        CompletionItemKind.Function = 3;
        CompletionItemKind.Constructor = 4;
        CompletionItemKind.Field = 5;
        CompletionItemKind.Variable = 6;
        CompletionItemKind.Class = 7;
        CompletionItemKind.Interface = 8;
        CompletionItemKind.Module = 9;
        CompletionItemKind.Property = 10;
        CompletionItemKind.Unit = 11;
        CompletionItemKind.Value = 12;
        CompletionItemKind.Enum = 13;
        CompletionItemKind.Keyword = 14;
        CompletionItemKind.Snippet = 15;
        CompletionItemKind.Color = 16;
        CompletionItemKind.File = 17;
        CompletionItemKind.Reference = 18;
        CompletionItemKind.Folder = 19;
        CompletionItemKind.EnumMember = 20;
        CompletionItemKind.Constant = 21;
        CompletionItemKind.Struct = 22;
        CompletionItemKind.Event = 23;
        CompletionItemKind.Operator = 24;
        CompletionItemKind.TypeParameter = 25;
    })(CompletionItemKind || (exports.CompletionItemKind = CompletionItemKind = {}));
    /**
     * Defines whether the insert text in a completion item should be interpreted as
     * plain text or a snippet.
     */
    var InsertTextFormat;
    (function (InsertTextFormat) {
        /**
         * The primary text to be inserted is treated as a plain string.
         */
        InsertTextFormat.PlainText = 1;
        /**
         * The primary text to be inserted is treated as a snippet.
         *
         * A snippet can define tab stops and placeholders with `$1`, `$2`
         * and `${3:foo}`. `$0` defines the final tab stop, it defaults to
         * the end of the snippet. Placeholders with equal identifiers are linked,
         * that is typing in one will update others too.
         *
         * See also: https://microsoft.github.io/language-server-protocol/specifications/specification-current/#snippet_syntax
         */
        InsertTextFormat.Snippet = 2;
    })(InsertTextFormat || (exports.InsertTextFormat = InsertTextFormat = {}));
    /**
     * Completion item tags are extra annotations that tweak the rendering of a completion
     * item.
     *
     * @since 3.15.0
     */
    var CompletionItemTag;
    (function (CompletionItemTag) {
        /**
         * Render a completion as obsolete, usually using a strike-out.
         */
        CompletionItemTag.Deprecated = 1;
    })(CompletionItemTag || (exports.CompletionItemTag = CompletionItemTag = {}));
    /**
     * The InsertReplaceEdit namespace provides functions to deal with insert / replace edits.
     *
     * @since 3.16.0
     */
    var InsertReplaceEdit;
    (function (InsertReplaceEdit) {
        /**
         * Creates a new insert / replace edit
         */
        function create(newText, insert, replace) {
            return { newText: newText, insert: insert, replace: replace };
        }
        InsertReplaceEdit.create = create;
        /**
         * Checks whether the given literal conforms to the {@link InsertReplaceEdit} interface.
         */
        function is(value) {
            var candidate = value;
            return candidate && Is.string(candidate.newText) && Range.is(candidate.insert) && Range.is(candidate.replace);
        }
        InsertReplaceEdit.is = is;
    })(InsertReplaceEdit || (exports.InsertReplaceEdit = InsertReplaceEdit = {}));
    /**
     * How whitespace and indentation is handled during completion
     * item insertion.
     *
     * @since 3.16.0
     */
    var InsertTextMode;
    (function (InsertTextMode) {
        /**
         * The insertion or replace strings is taken as it is. If the
         * value is multi line the lines below the cursor will be
         * inserted using the indentation defined in the string value.
         * The client will not apply any kind of adjustments to the
         * string.
         */
        InsertTextMode.asIs = 1;
        /**
         * The editor adjusts leading whitespace of new lines so that
         * they match the indentation up to the cursor of the line for
         * which the item is accepted.
         *
         * Consider a line like this: <2tabs><cursor><3tabs>foo. Accepting a
         * multi line completion item is indented using 2 tabs and all
         * following lines inserted will be indented using 2 tabs as well.
         */
        InsertTextMode.adjustIndentation = 2;
    })(InsertTextMode || (exports.InsertTextMode = InsertTextMode = {}));
    /**
     * Defines how values from a set of defaults and an individual item will be
     * merged.
     *
     * @since 3.18.0
     */
    var ApplyKind;
    (function (ApplyKind) {
        /**
         * The value from the individual item (if provided and not `null`) will be
         * used instead of the default.
         */
        ApplyKind.Replace = 1;
        /**
         * The value from the item will be merged with the default.
         *
         * The specific rules for mergeing values are defined against each field
         * that supports merging.
         */
        ApplyKind.Merge = 2;
    })(ApplyKind || (exports.ApplyKind = ApplyKind = {}));
    var CompletionItemLabelDetails;
    (function (CompletionItemLabelDetails) {
        function is(value) {
            var candidate = value;
            return candidate && (Is.string(candidate.detail) || candidate.detail === undefined) &&
                (Is.string(candidate.description) || candidate.description === undefined);
        }
        CompletionItemLabelDetails.is = is;
    })(CompletionItemLabelDetails || (exports.CompletionItemLabelDetails = CompletionItemLabelDetails = {}));
    /**
     * The CompletionItem namespace provides functions to deal with
     * completion items.
     */
    var CompletionItem;
    (function (CompletionItem) {
        /**
         * Create a completion item and seed it with a label.
         * @param label The completion item's label
         */
        function create(label) {
            return { label: label };
        }
        CompletionItem.create = create;
    })(CompletionItem || (exports.CompletionItem = CompletionItem = {}));
    /**
     * The CompletionList namespace provides functions to deal with
     * completion lists.
     */
    var CompletionList;
    (function (CompletionList) {
        /**
         * Creates a new completion list.
         *
         * @param items The completion items.
         * @param isIncomplete The list is not complete.
         */
        function create(items, isIncomplete) {
            return { items: items ? items : [], isIncomplete: !!isIncomplete };
        }
        CompletionList.create = create;
    })(CompletionList || (exports.CompletionList = CompletionList = {}));
    var MarkedString;
    (function (MarkedString) {
        /**
         * Creates a marked string from plain text.
         *
         * @param plainText The plain text.
         */
        function fromPlainText(plainText) {
            return plainText.replace(/[\\`*_{}[\]()#+\-.!]/g, '\\$&'); // escape markdown syntax tokens: http://daringfireball.net/projects/markdown/syntax#backslash
        }
        MarkedString.fromPlainText = fromPlainText;
        /**
         * Checks whether the given value conforms to the {@link MarkedString} type.
         */
        function is(value) {
            var candidate = value;
            return Is.string(candidate) || (Is.objectLiteral(candidate) && Is.string(candidate.language) && Is.string(candidate.value));
        }
        MarkedString.is = is;
    })(MarkedString || (exports.MarkedString = MarkedString = {}));
    var Hover;
    (function (Hover) {
        /**
         * Checks whether the given value conforms to the {@link Hover} interface.
         */
        function is(value) {
            var candidate = value;
            return !!candidate && Is.objectLiteral(candidate) && (MarkupContent.is(candidate.contents) ||
                MarkedString.is(candidate.contents) ||
                Is.typedArray(candidate.contents, MarkedString.is)) && (value.range === undefined || Range.is(value.range));
        }
        Hover.is = is;
    })(Hover || (exports.Hover = Hover = {}));
    /**
     * The ParameterInformation namespace provides helper functions to work with
     * {@link ParameterInformation} literals.
     */
    var ParameterInformation;
    (function (ParameterInformation) {
        /**
         * Creates a new parameter information literal.
         *
         * @param label A label string.
         * @param documentation A doc string.
         */
        function create(label, documentation) {
            return documentation ? { label: label, documentation: documentation } : { label: label };
        }
        ParameterInformation.create = create;
    })(ParameterInformation || (exports.ParameterInformation = ParameterInformation = {}));
    /**
     * The SignatureInformation namespace provides helper functions to work with
     * {@link SignatureInformation} literals.
     */
    var SignatureInformation;
    (function (SignatureInformation) {
        function create(label, documentation) {
            var parameters = [];
            for (var _i = 2; _i < arguments.length; _i++) {
                parameters[_i - 2] = arguments[_i];
            }
            var result = { label: label };
            if (Is.defined(documentation)) {
                result.documentation = documentation;
            }
            if (Is.defined(parameters)) {
                result.parameters = parameters;
            }
            else {
                result.parameters = [];
            }
            return result;
        }
        SignatureInformation.create = create;
    })(SignatureInformation || (exports.SignatureInformation = SignatureInformation = {}));
    /**
     * A document highlight kind.
     */
    var DocumentHighlightKind;
    (function (DocumentHighlightKind) {
        /**
         * A textual occurrence.
         */
        DocumentHighlightKind.Text = 1;
        /**
         * Read-access of a symbol, like reading a variable.
         */
        DocumentHighlightKind.Read = 2;
        /**
         * Write-access of a symbol, like writing to a variable.
         */
        DocumentHighlightKind.Write = 3;
    })(DocumentHighlightKind || (exports.DocumentHighlightKind = DocumentHighlightKind = {}));
    /**
     * DocumentHighlight namespace to provide helper functions to work with
     * {@link DocumentHighlight} literals.
     */
    var DocumentHighlight;
    (function (DocumentHighlight) {
        /**
         * Create a DocumentHighlight object.
         * @param range The range the highlight applies to.
         * @param kind The highlight kind
         */
        function create(range, kind) {
            var result = { range: range };
            if (Is.number(kind)) {
                result.kind = kind;
            }
            return result;
        }
        DocumentHighlight.create = create;
    })(DocumentHighlight || (exports.DocumentHighlight = DocumentHighlight = {}));
    /**
     * A symbol kind.
     */
    var SymbolKind;
    (function (SymbolKind) {
        SymbolKind.File = 1;
        SymbolKind.Module = 2;
        SymbolKind.Namespace = 3;
        SymbolKind.Package = 4;
        SymbolKind.Class = 5;
        SymbolKind.Method = 6;
        SymbolKind.Property = 7;
        SymbolKind.Field = 8;
        SymbolKind.Constructor = 9;
        SymbolKind.Enum = 10;
        SymbolKind.Interface = 11;
        SymbolKind.Function = 12;
        SymbolKind.Variable = 13;
        SymbolKind.Constant = 14;
        SymbolKind.String = 15;
        SymbolKind.Number = 16;
        SymbolKind.Boolean = 17;
        SymbolKind.Array = 18;
        SymbolKind.Object = 19;
        SymbolKind.Key = 20;
        SymbolKind.Null = 21;
        SymbolKind.EnumMember = 22;
        SymbolKind.Struct = 23;
        SymbolKind.Event = 24;
        SymbolKind.Operator = 25;
        SymbolKind.TypeParameter = 26;
    })(SymbolKind || (exports.SymbolKind = SymbolKind = {}));
    /**
     * Symbol tags are extra annotations that tweak the rendering of a symbol.
     *
     * @since 3.16
     */
    var SymbolTag;
    (function (SymbolTag) {
        /**
         * Render a symbol as obsolete, usually using a strike-out.
         */
        SymbolTag.Deprecated = 1;
    })(SymbolTag || (exports.SymbolTag = SymbolTag = {}));
    var SymbolInformation;
    (function (SymbolInformation) {
        /**
         * Creates a new symbol information literal.
         *
         * @param name The name of the symbol.
         * @param kind The kind of the symbol.
         * @param range The range of the location of the symbol.
         * @param uri The resource of the location of symbol.
         * @param containerName The name of the symbol containing the symbol.
         */
        function create(name, kind, range, uri, containerName) {
            var result = {
                name: name,
                kind: kind,
                location: { uri: uri, range: range }
            };
            if (containerName) {
                result.containerName = containerName;
            }
            return result;
        }
        SymbolInformation.create = create;
    })(SymbolInformation || (exports.SymbolInformation = SymbolInformation = {}));
    var WorkspaceSymbol;
    (function (WorkspaceSymbol) {
        /**
         * Create a new workspace symbol.
         *
         * @param name The name of the symbol.
         * @param kind The kind of the symbol.
         * @param uri The resource of the location of the symbol.
         * @param range An options range of the location.
         * @returns A WorkspaceSymbol.
         */
        function create(name, kind, uri, range) {
            return range !== undefined
                ? { name: name, kind: kind, location: { uri: uri, range: range } }
                : { name: name, kind: kind, location: { uri: uri } };
        }
        WorkspaceSymbol.create = create;
    })(WorkspaceSymbol || (exports.WorkspaceSymbol = WorkspaceSymbol = {}));
    var DocumentSymbol;
    (function (DocumentSymbol) {
        /**
         * Creates a new symbol information literal.
         *
         * @param name The name of the symbol.
         * @param detail The detail of the symbol.
         * @param kind The kind of the symbol.
         * @param range The range of the symbol.
         * @param selectionRange The selectionRange of the symbol.
         * @param children Children of the symbol.
         */
        function create(name, detail, kind, range, selectionRange, children) {
            var result = {
                name: name,
                detail: detail,
                kind: kind,
                range: range,
                selectionRange: selectionRange
            };
            if (children !== undefined) {
                result.children = children;
            }
            return result;
        }
        DocumentSymbol.create = create;
        /**
         * Checks whether the given literal conforms to the {@link DocumentSymbol} interface.
         */
        function is(value) {
            var candidate = value;
            return candidate &&
                Is.string(candidate.name) && Is.number(candidate.kind) &&
                Range.is(candidate.range) && Range.is(candidate.selectionRange) &&
                (candidate.detail === undefined || Is.string(candidate.detail)) &&
                (candidate.deprecated === undefined || Is.boolean(candidate.deprecated)) &&
                (candidate.children === undefined || Array.isArray(candidate.children)) &&
                (candidate.tags === undefined || Array.isArray(candidate.tags));
        }
        DocumentSymbol.is = is;
    })(DocumentSymbol || (exports.DocumentSymbol = DocumentSymbol = {}));
    /**
     * A set of predefined code action kinds
     */
    var CodeActionKind;
    (function (CodeActionKind) {
        /**
         * Empty kind.
         */
        CodeActionKind.Empty = '';
        /**
         * Base kind for quickfix actions: 'quickfix'
         */
        CodeActionKind.QuickFix = 'quickfix';
        /**
         * Base kind for refactoring actions: 'refactor'
         */
        CodeActionKind.Refactor = 'refactor';
        /**
         * Base kind for refactoring extraction actions: 'refactor.extract'
         *
         * Example extract actions:
         *
         * - Extract method
         * - Extract function
         * - Extract variable
         * - Extract interface from class
         * - ...
         */
        CodeActionKind.RefactorExtract = 'refactor.extract';
        /**
         * Base kind for refactoring inline actions: 'refactor.inline'
         *
         * Example inline actions:
         *
         * - Inline function
         * - Inline variable
         * - Inline constant
         * - ...
         */
        CodeActionKind.RefactorInline = 'refactor.inline';
        /**
         * Base kind for refactoring move actions: `refactor.move`
         *
         * Example move actions:
         *
         * - Move a function to a new file
         * - Move a property between classes
         * - Move method to base class
         * - ...
         *
         * @since 3.18.0
         */
        CodeActionKind.RefactorMove = 'refactor.move';
        /**
         * Base kind for refactoring rewrite actions: 'refactor.rewrite'
         *
         * Example rewrite actions:
         *
         * - Convert JavaScript function to class
         * - Add or remove parameter
         * - Encapsulate field
         * - Make method static
         * - Move method to base class
         * - ...
         */
        CodeActionKind.RefactorRewrite = 'refactor.rewrite';
        /**
         * Base kind for source actions: `source`
         *
         * Source code actions apply to the entire file.
         */
        CodeActionKind.Source = 'source';
        /**
         * Base kind for an organize imports source action: `source.organizeImports`
         */
        CodeActionKind.SourceOrganizeImports = 'source.organizeImports';
        /**
         * Base kind for auto-fix source actions: `source.fixAll`.
         *
         * Fix all actions automatically fix errors that have a clear fix that do not require user input.
         * They should not suppress errors or perform unsafe fixes such as generating new types or classes.
         *
         * @since 3.15.0
         */
        CodeActionKind.SourceFixAll = 'source.fixAll';
        /**
         * Base kind for all code actions applying to the entire notebook's scope. CodeActionKinds using
         * this should always begin with `notebook.`
         *
         * @since 3.18.0
         */
        CodeActionKind.Notebook = 'notebook';
    })(CodeActionKind || (exports.CodeActionKind = CodeActionKind = {}));
    /**
     * The reason why code actions were requested.
     *
     * @since 3.17.0
     */
    var CodeActionTriggerKind;
    (function (CodeActionTriggerKind) {
        /**
         * Code actions were explicitly requested by the user or by an extension.
         */
        CodeActionTriggerKind.Invoked = 1;
        /**
         * Code actions were requested automatically.
         *
         * This typically happens when current selection in a file changes, but can
         * also be triggered when file content changes.
         */
        CodeActionTriggerKind.Automatic = 2;
    })(CodeActionTriggerKind || (exports.CodeActionTriggerKind = CodeActionTriggerKind = {}));
    /**
     * The CodeActionContext namespace provides helper functions to work with
     * {@link CodeActionContext} literals.
     */
    var CodeActionContext;
    (function (CodeActionContext) {
        /**
         * Creates a new CodeActionContext literal.
         */
        function create(diagnostics, only, triggerKind) {
            var result = { diagnostics: diagnostics };
            if (only !== undefined && only !== null) {
                result.only = only;
            }
            if (triggerKind !== undefined && triggerKind !== null) {
                result.triggerKind = triggerKind;
            }
            return result;
        }
        CodeActionContext.create = create;
        /**
         * Checks whether the given literal conforms to the {@link CodeActionContext} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.defined(candidate) && Is.typedArray(candidate.diagnostics, Diagnostic.is)
                && (candidate.only === undefined || Is.typedArray(candidate.only, Is.string))
                && (candidate.triggerKind === undefined || candidate.triggerKind === CodeActionTriggerKind.Invoked || candidate.triggerKind === CodeActionTriggerKind.Automatic);
        }
        CodeActionContext.is = is;
    })(CodeActionContext || (exports.CodeActionContext = CodeActionContext = {}));
    /**
     * Code action tags are extra annotations that tweak the behavior of a code action.
     *
     * @since 3.18.0
     */
    var CodeActionTag;
    (function (CodeActionTag) {
        /**
         * Marks the code action as LLM-generated.
         */
        CodeActionTag.LLMGenerated = 1;
        /**
         * Checks whether the given literal conforms to the {@link CodeActionTag} interface.
         */
        function is(value) {
            return Is.defined(value) && value === CodeActionTag.LLMGenerated;
        }
        CodeActionTag.is = is;
    })(CodeActionTag || (exports.CodeActionTag = CodeActionTag = {}));
    var CodeAction;
    (function (CodeAction) {
        function create(title, kindOrCommandOrEdit, kind) {
            var result = { title: title };
            var checkKind = true;
            if (typeof kindOrCommandOrEdit === 'string') {
                checkKind = false;
                result.kind = kindOrCommandOrEdit;
            }
            else if (Command.is(kindOrCommandOrEdit)) {
                result.command = kindOrCommandOrEdit;
            }
            else {
                result.edit = kindOrCommandOrEdit;
            }
            if (checkKind && kind !== undefined) {
                result.kind = kind;
            }
            return result;
        }
        CodeAction.create = create;
        function is(value) {
            var candidate = value;
            return candidate && Is.string(candidate.title) &&
                (candidate.diagnostics === undefined || Is.typedArray(candidate.diagnostics, Diagnostic.is)) &&
                (candidate.kind === undefined || Is.string(candidate.kind)) &&
                (candidate.edit !== undefined || candidate.command !== undefined) &&
                (candidate.command === undefined || Command.is(candidate.command)) &&
                (candidate.isPreferred === undefined || Is.boolean(candidate.isPreferred)) &&
                (candidate.edit === undefined || WorkspaceEdit.is(candidate.edit)) &&
                (candidate.tags === undefined || Is.typedArray(candidate.tags, CodeActionTag.is));
        }
        CodeAction.is = is;
    })(CodeAction || (exports.CodeAction = CodeAction = {}));
    /**
     * The CodeLens namespace provides helper functions to work with
     * {@link CodeLens} literals.
     */
    var CodeLens;
    (function (CodeLens) {
        /**
         * Creates a new CodeLens literal.
         */
        function create(range, data) {
            var result = { range: range };
            if (Is.defined(data)) {
                result.data = data;
            }
            return result;
        }
        CodeLens.create = create;
        /**
         * Checks whether the given literal conforms to the {@link CodeLens} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.defined(candidate) && Range.is(candidate.range) && (Is.undefined(candidate.command) || Command.is(candidate.command));
        }
        CodeLens.is = is;
    })(CodeLens || (exports.CodeLens = CodeLens = {}));
    /**
     * The FormattingOptions namespace provides helper functions to work with
     * {@link FormattingOptions} literals.
     */
    var FormattingOptions;
    (function (FormattingOptions) {
        /**
         * Creates a new FormattingOptions literal.
         */
        function create(tabSize, insertSpaces) {
            return { tabSize: tabSize, insertSpaces: insertSpaces };
        }
        FormattingOptions.create = create;
        /**
         * Checks whether the given literal conforms to the {@link FormattingOptions} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.defined(candidate) && Is.uinteger(candidate.tabSize) && Is.boolean(candidate.insertSpaces);
        }
        FormattingOptions.is = is;
    })(FormattingOptions || (exports.FormattingOptions = FormattingOptions = {}));
    /**
     * The DocumentLink namespace provides helper functions to work with
     * {@link DocumentLink} literals.
     */
    var DocumentLink;
    (function (DocumentLink) {
        /**
         * Creates a new DocumentLink literal.
         */
        function create(range, target, data) {
            return { range: range, target: target, data: data };
        }
        DocumentLink.create = create;
        /**
         * Checks whether the given literal conforms to the {@link DocumentLink} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.defined(candidate) && Range.is(candidate.range) && (Is.undefined(candidate.target) || Is.string(candidate.target));
        }
        DocumentLink.is = is;
    })(DocumentLink || (exports.DocumentLink = DocumentLink = {}));
    /**
     * The SelectionRange namespace provides helper function to work with
     * SelectionRange literals.
     */
    var SelectionRange;
    (function (SelectionRange) {
        /**
         * Creates a new SelectionRange
         * @param range the range.
         * @param parent an optional parent.
         */
        function create(range, parent) {
            return { range: range, parent: parent };
        }
        SelectionRange.create = create;
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate) && Range.is(candidate.range) && (candidate.parent === undefined || SelectionRange.is(candidate.parent));
        }
        SelectionRange.is = is;
    })(SelectionRange || (exports.SelectionRange = SelectionRange = {}));
    /**
     * A set of predefined token types. This set is not fixed
     * an clients can specify additional token types via the
     * corresponding client capabilities.
     *
     * @since 3.16.0
     */
    var SemanticTokenTypes;
    (function (SemanticTokenTypes) {
        SemanticTokenTypes["namespace"] = "namespace";
        /**
         * Represents a generic type. Acts as a fallback for types which can't be mapped to
         * a specific type like class or enum.
         */
        SemanticTokenTypes["type"] = "type";
        SemanticTokenTypes["class"] = "class";
        SemanticTokenTypes["enum"] = "enum";
        SemanticTokenTypes["interface"] = "interface";
        SemanticTokenTypes["struct"] = "struct";
        SemanticTokenTypes["typeParameter"] = "typeParameter";
        SemanticTokenTypes["parameter"] = "parameter";
        SemanticTokenTypes["variable"] = "variable";
        SemanticTokenTypes["property"] = "property";
        SemanticTokenTypes["enumMember"] = "enumMember";
        SemanticTokenTypes["event"] = "event";
        SemanticTokenTypes["function"] = "function";
        SemanticTokenTypes["method"] = "method";
        SemanticTokenTypes["macro"] = "macro";
        SemanticTokenTypes["keyword"] = "keyword";
        SemanticTokenTypes["modifier"] = "modifier";
        SemanticTokenTypes["comment"] = "comment";
        SemanticTokenTypes["string"] = "string";
        SemanticTokenTypes["number"] = "number";
        SemanticTokenTypes["regexp"] = "regexp";
        SemanticTokenTypes["operator"] = "operator";
        /**
         * @since 3.17.0
         */
        SemanticTokenTypes["decorator"] = "decorator";
        /**
         * @since 3.18.0
         */
        SemanticTokenTypes["label"] = "label";
    })(SemanticTokenTypes || (exports.SemanticTokenTypes = SemanticTokenTypes = {}));
    /**
     * A set of predefined token modifiers. This set is not fixed
     * an clients can specify additional token types via the
     * corresponding client capabilities.
     *
     * @since 3.16.0
     */
    var SemanticTokenModifiers;
    (function (SemanticTokenModifiers) {
        SemanticTokenModifiers["declaration"] = "declaration";
        SemanticTokenModifiers["definition"] = "definition";
        SemanticTokenModifiers["readonly"] = "readonly";
        SemanticTokenModifiers["static"] = "static";
        SemanticTokenModifiers["deprecated"] = "deprecated";
        SemanticTokenModifiers["abstract"] = "abstract";
        SemanticTokenModifiers["async"] = "async";
        SemanticTokenModifiers["modification"] = "modification";
        SemanticTokenModifiers["documentation"] = "documentation";
        SemanticTokenModifiers["defaultLibrary"] = "defaultLibrary";
    })(SemanticTokenModifiers || (exports.SemanticTokenModifiers = SemanticTokenModifiers = {}));
    /**
     * @since 3.16.0
     */
    var SemanticTokens;
    (function (SemanticTokens) {
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate) && (candidate.resultId === undefined || typeof candidate.resultId === 'string') &&
                Array.isArray(candidate.data) && (candidate.data.length === 0 || typeof candidate.data[0] === 'number');
        }
        SemanticTokens.is = is;
    })(SemanticTokens || (exports.SemanticTokens = SemanticTokens = {}));
    /**
     * The InlineValueText namespace provides functions to deal with InlineValueTexts.
     *
     * @since 3.17.0
     */
    var InlineValueText;
    (function (InlineValueText) {
        /**
         * Creates a new InlineValueText literal.
         */
        function create(range, text) {
            return { range: range, text: text };
        }
        InlineValueText.create = create;
        function is(value) {
            var candidate = value;
            return candidate !== undefined && candidate !== null && Range.is(candidate.range) && Is.string(candidate.text);
        }
        InlineValueText.is = is;
    })(InlineValueText || (exports.InlineValueText = InlineValueText = {}));
    /**
     * The InlineValueVariableLookup namespace provides functions to
     * deal with InlineValueVariableLookups.
     *
     * @since 3.17.0
     */
    var InlineValueVariableLookup;
    (function (InlineValueVariableLookup) {
        /**
         * Creates a new InlineValueText literal.
         */
        function create(range, variableName, caseSensitiveLookup) {
            return { range: range, variableName: variableName, caseSensitiveLookup: caseSensitiveLookup };
        }
        InlineValueVariableLookup.create = create;
        function is(value) {
            var candidate = value;
            return candidate !== undefined && candidate !== null && Range.is(candidate.range) && Is.boolean(candidate.caseSensitiveLookup)
                && (Is.string(candidate.variableName) || candidate.variableName === undefined);
        }
        InlineValueVariableLookup.is = is;
    })(InlineValueVariableLookup || (exports.InlineValueVariableLookup = InlineValueVariableLookup = {}));
    /**
     * The InlineValueEvaluatableExpression namespace provides functions to deal with InlineValueEvaluatableExpression.
     *
     * @since 3.17.0
     */
    var InlineValueEvaluatableExpression;
    (function (InlineValueEvaluatableExpression) {
        /**
         * Creates a new InlineValueEvaluatableExpression literal.
         */
        function create(range, expression) {
            return { range: range, expression: expression };
        }
        InlineValueEvaluatableExpression.create = create;
        function is(value) {
            var candidate = value;
            return candidate !== undefined && candidate !== null && Range.is(candidate.range)
                && (Is.string(candidate.expression) || candidate.expression === undefined);
        }
        InlineValueEvaluatableExpression.is = is;
    })(InlineValueEvaluatableExpression || (exports.InlineValueEvaluatableExpression = InlineValueEvaluatableExpression = {}));
    /**
     * The InlineValueContext namespace provides helper functions to work with
     * {@link InlineValueContext} literals.
     *
     * @since 3.17.0
     */
    var InlineValueContext;
    (function (InlineValueContext) {
        /**
         * Creates a new InlineValueContext literal.
         */
        function create(frameId, stoppedLocation) {
            return { frameId: frameId, stoppedLocation: stoppedLocation };
        }
        InlineValueContext.create = create;
        /**
         * Checks whether the given literal conforms to the {@link InlineValueContext} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.defined(candidate) && Range.is(value.stoppedLocation);
        }
        InlineValueContext.is = is;
    })(InlineValueContext || (exports.InlineValueContext = InlineValueContext = {}));
    /**
     * Inlay hint kinds.
     *
     * @since 3.17.0
     */
    var InlayHintKind;
    (function (InlayHintKind) {
        /**
         * An inlay hint that for a type annotation.
         */
        InlayHintKind.Type = 1;
        /**
         * An inlay hint that is for a parameter.
         */
        InlayHintKind.Parameter = 2;
        function is(value) {
            return value === 1 || value === 2;
        }
        InlayHintKind.is = is;
    })(InlayHintKind || (exports.InlayHintKind = InlayHintKind = {}));
    var InlayHintLabelPart;
    (function (InlayHintLabelPart) {
        function create(value) {
            return { value: value };
        }
        InlayHintLabelPart.create = create;
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate)
                && (candidate.tooltip === undefined || Is.string(candidate.tooltip) || MarkupContent.is(candidate.tooltip))
                && (candidate.location === undefined || Location.is(candidate.location))
                && (candidate.command === undefined || Command.is(candidate.command));
        }
        InlayHintLabelPart.is = is;
    })(InlayHintLabelPart || (exports.InlayHintLabelPart = InlayHintLabelPart = {}));
    var InlayHint;
    (function (InlayHint) {
        function create(position, label, kind) {
            var result = { position: position, label: label };
            if (kind !== undefined) {
                result.kind = kind;
            }
            return result;
        }
        InlayHint.create = create;
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate) && Position.is(candidate.position)
                && (Is.string(candidate.label) || Is.typedArray(candidate.label, InlayHintLabelPart.is))
                && (candidate.kind === undefined || InlayHintKind.is(candidate.kind))
                && (candidate.textEdits === undefined) || Is.typedArray(candidate.textEdits, TextEdit.is)
                && (candidate.tooltip === undefined || Is.string(candidate.tooltip) || MarkupContent.is(candidate.tooltip))
                && (candidate.paddingLeft === undefined || Is.boolean(candidate.paddingLeft))
                && (candidate.paddingRight === undefined || Is.boolean(candidate.paddingRight));
        }
        InlayHint.is = is;
    })(InlayHint || (exports.InlayHint = InlayHint = {}));
    var StringValue;
    (function (StringValue) {
        function createSnippet(value) {
            return { kind: 'snippet', value: value };
        }
        StringValue.createSnippet = createSnippet;
        function isSnippet(value) {
            var candidate = value;
            return Is.objectLiteral(candidate)
                && candidate.kind === 'snippet'
                && Is.string(candidate.value);
        }
        StringValue.isSnippet = isSnippet;
    })(StringValue || (exports.StringValue = StringValue = {}));
    var InlineCompletionItem;
    (function (InlineCompletionItem) {
        function create(insertText, filterText, range, command) {
            return { insertText: insertText, filterText: filterText, range: range, command: command };
        }
        InlineCompletionItem.create = create;
    })(InlineCompletionItem || (exports.InlineCompletionItem = InlineCompletionItem = {}));
    var InlineCompletionList;
    (function (InlineCompletionList) {
        function create(items) {
            return { items: items };
        }
        InlineCompletionList.create = create;
    })(InlineCompletionList || (exports.InlineCompletionList = InlineCompletionList = {}));
    /**
     * Describes how an {@link InlineCompletionItemProvider inline completion provider} was triggered.
     *
     * @since 3.18.0
     */
    var InlineCompletionTriggerKind;
    (function (InlineCompletionTriggerKind) {
        /**
         * Completion was triggered explicitly by a user gesture.
         */
        InlineCompletionTriggerKind.Invoked = 1;
        /**
         * Completion was triggered automatically while editing.
         */
        InlineCompletionTriggerKind.Automatic = 2;
    })(InlineCompletionTriggerKind || (exports.InlineCompletionTriggerKind = InlineCompletionTriggerKind = {}));
    var SelectedCompletionInfo;
    (function (SelectedCompletionInfo) {
        function create(range, text) {
            return { range: range, text: text };
        }
        SelectedCompletionInfo.create = create;
    })(SelectedCompletionInfo || (exports.SelectedCompletionInfo = SelectedCompletionInfo = {}));
    var InlineCompletionContext;
    (function (InlineCompletionContext) {
        function create(triggerKind, selectedCompletionInfo) {
            return { triggerKind: triggerKind, selectedCompletionInfo: selectedCompletionInfo };
        }
        InlineCompletionContext.create = create;
    })(InlineCompletionContext || (exports.InlineCompletionContext = InlineCompletionContext = {}));
    var WorkspaceFolder;
    (function (WorkspaceFolder) {
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate) && URI.is(candidate.uri) && Is.string(candidate.name);
        }
        WorkspaceFolder.is = is;
    })(WorkspaceFolder || (exports.WorkspaceFolder = WorkspaceFolder = {}));
    exports.EOL = ['\n', '\r\n', '\r'];
    /**
     * @deprecated Use the text document from the new vscode-languageserver-textdocument package.
     */
    var TextDocument;
    (function (TextDocument) {
        /**
         * Creates a new ITextDocument literal from the given uri and content.
         * @param uri The document's uri.
         * @param languageId The document's language Id.
         * @param version The document's version.
         * @param content The document's content.
         */
        function create(uri, languageId, version, content) {
            return new FullTextDocument(uri, languageId, version, content);
        }
        TextDocument.create = create;
        /**
         * Checks whether the given literal conforms to the {@link ITextDocument} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.defined(candidate) && Is.string(candidate.uri) && (Is.undefined(candidate.languageId) || Is.string(candidate.languageId)) && Is.uinteger(candidate.lineCount)
                && Is.func(candidate.getText) && Is.func(candidate.positionAt) && Is.func(candidate.offsetAt) ? true : false;
        }
        TextDocument.is = is;
        function applyEdits(document, edits) {
            var text = document.getText();
            var sortedEdits = mergeSort(edits, function (a, b) {
                var diff = a.range.start.line - b.range.start.line;
                if (diff === 0) {
                    return a.range.start.character - b.range.start.character;
                }
                return diff;
            });
            var lastModifiedOffset = text.length;
            for (var i = sortedEdits.length - 1; i >= 0; i--) {
                var e = sortedEdits[i];
                var startOffset = document.offsetAt(e.range.start);
                var endOffset = document.offsetAt(e.range.end);
                if (endOffset <= lastModifiedOffset) {
                    text = text.substring(0, startOffset) + e.newText + text.substring(endOffset, text.length);
                }
                else {
                    throw new Error('Overlapping edit');
                }
                lastModifiedOffset = startOffset;
            }
            return text;
        }
        TextDocument.applyEdits = applyEdits;
        function mergeSort(data, compare) {
            if (data.length <= 1) {
                // sorted
                return data;
            }
            var p = (data.length / 2) | 0;
            var left = data.slice(0, p);
            var right = data.slice(p);
            mergeSort(left, compare);
            mergeSort(right, compare);
            var leftIdx = 0;
            var rightIdx = 0;
            var i = 0;
            while (leftIdx < left.length && rightIdx < right.length) {
                var ret = compare(left[leftIdx], right[rightIdx]);
                if (ret <= 0) {
                    // smaller_equal -> take left to preserve order
                    data[i++] = left[leftIdx++];
                }
                else {
                    // greater -> take right
                    data[i++] = right[rightIdx++];
                }
            }
            while (leftIdx < left.length) {
                data[i++] = left[leftIdx++];
            }
            while (rightIdx < right.length) {
                data[i++] = right[rightIdx++];
            }
            return data;
        }
    })(TextDocument || (exports.TextDocument = TextDocument = {}));
    /**
     * @deprecated Use the text document from the new vscode-languageserver-textdocument package.
     */
    var FullTextDocument = /** @class */ (function () {
        function FullTextDocument(uri, languageId, version, content) {
            this._uri = uri;
            this._languageId = languageId;
            this._version = version;
            this._content = content;
            this._lineOffsets = undefined;
        }
        Object.defineProperty(FullTextDocument.prototype, "uri", {
            get: function () {
                return this._uri;
            },
            enumerable: false,
            configurable: true
        });
        Object.defineProperty(FullTextDocument.prototype, "languageId", {
            get: function () {
                return this._languageId;
            },
            enumerable: false,
            configurable: true
        });
        Object.defineProperty(FullTextDocument.prototype, "version", {
            get: function () {
                return this._version;
            },
            enumerable: false,
            configurable: true
        });
        FullTextDocument.prototype.getText = function (range) {
            if (range) {
                var start = this.offsetAt(range.start);
                var end = this.offsetAt(range.end);
                return this._content.substring(start, end);
            }
            return this._content;
        };
        FullTextDocument.prototype.update = function (event, version) {
            this._content = event.text;
            this._version = version;
            this._lineOffsets = undefined;
        };
        FullTextDocument.prototype.getLineOffsets = function () {
            if (this._lineOffsets === undefined) {
                var lineOffsets = [];
                var text = this._content;
                var isLineStart = true;
                for (var i = 0; i < text.length; i++) {
                    if (isLineStart) {
                        lineOffsets.push(i);
                        isLineStart = false;
                    }
                    var ch = text.charAt(i);
                    isLineStart = (ch === '\r' || ch === '\n');
                    if (ch === '\r' && i + 1 < text.length && text.charAt(i + 1) === '\n') {
                        i++;
                    }
                }
                if (isLineStart && text.length > 0) {
                    lineOffsets.push(text.length);
                }
                this._lineOffsets = lineOffsets;
            }
            return this._lineOffsets;
        };
        FullTextDocument.prototype.positionAt = function (offset) {
            offset = Math.max(Math.min(offset, this._content.length), 0);
            var lineOffsets = this.getLineOffsets();
            var low = 0, high = lineOffsets.length;
            if (high === 0) {
                return Position.create(0, offset);
            }
            while (low < high) {
                var mid = Math.floor((low + high) / 2);
                if (lineOffsets[mid] > offset) {
                    high = mid;
                }
                else {
                    low = mid + 1;
                }
            }
            // low is the least x for which the line offset is larger than the current offset
            // or array.length if no line offset is larger than the current offset
            var line = low - 1;
            return Position.create(line, offset - lineOffsets[line]);
        };
        FullTextDocument.prototype.offsetAt = function (position) {
            var lineOffsets = this.getLineOffsets();
            if (position.line >= lineOffsets.length) {
                return this._content.length;
            }
            else if (position.line < 0) {
                return 0;
            }
            var lineOffset = lineOffsets[position.line];
            var nextLineOffset = (position.line + 1 < lineOffsets.length) ? lineOffsets[position.line + 1] : this._content.length;
            return Math.max(Math.min(lineOffset + position.character, nextLineOffset), lineOffset);
        };
        Object.defineProperty(FullTextDocument.prototype, "lineCount", {
            get: function () {
                return this.getLineOffsets().length;
            },
            enumerable: false,
            configurable: true
        });
        return FullTextDocument;
    }());
    var Is;
    (function (Is) {
        var toString = Object.prototype.toString;
        function defined(value) {
            return typeof value !== 'undefined';
        }
        Is.defined = defined;
        function undefined(value) {
            return typeof value === 'undefined';
        }
        Is.undefined = undefined;
        function boolean(value) {
            return value === true || value === false;
        }
        Is.boolean = boolean;
        function string(value) {
            return toString.call(value) === '[object String]';
        }
        Is.string = string;
        function number(value) {
            return toString.call(value) === '[object Number]';
        }
        Is.number = number;
        function numberRange(value, min, max) {
            return toString.call(value) === '[object Number]' && min <= value && value <= max;
        }
        Is.numberRange = numberRange;
        function integer(value) {
            return toString.call(value) === '[object Number]' && -2147483648 <= value && value <= 2147483647;
        }
        Is.integer = integer;
        function uinteger(value) {
            return toString.call(value) === '[object Number]' && 0 <= value && value <= 2147483647;
        }
        Is.uinteger = uinteger;
        function func(value) {
            return toString.call(value) === '[object Function]';
        }
        Is.func = func;
        function objectLiteral(value) {
            // Strictly speaking class instances pass this check as well. Since the LSP
            // doesn't use classes we ignore this for now. If we do we need to add something
            // like this: `Object.getPrototypeOf(Object.getPrototypeOf(x)) === null`
            return value !== null && typeof value === 'object';
        }
        Is.objectLiteral = objectLiteral;
        function typedArray(value, check) {
            return Array.isArray(value) && value.every(check);
        }
        Is.typedArray = typedArray;
    })(Is || (Is = {}));
});


/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/************************************************************************/
var __webpack_exports__ = {};

// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  BK: () => (/* binding */ helpText),
  iW: () => (/* binding */ cli_main),
  Zy: () => (/* binding */ parseArgs)
});

;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
var external_node_os_default = /*#__PURE__*/__nccwpck_require__.n(external_node_os_namespaceObject);
;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_namespaceObject);
;// CONCATENATED MODULE: external "node:fs/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");
;// CONCATENATED MODULE: external "node:crypto"
const external_node_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");
;// CONCATENATED MODULE: ./src/advisor/carried.ts
// Re-verify only when needed: a suggestion's proof depends on the Dockerfile,
// the base images (by digest), go.mod/go.sum and what the program needs; when
// none of them changed since an earlier push, its proof is carried (in the
// sticky comment's state, or a previous report) instead of building it again.

/** One digest over everything the proof depends on. */
function proofInputsKey(inputs) {
    const stable = JSON.stringify(inputs, (_k, v) => v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v);
    return `sha256:${(0,external_node_crypto_namespaceObject.createHash)('sha256').update(stable).digest('hex')}`;
}
/** What a report's suggestion leaves for the next run to carry; null when it was not built (nothing proven). */
function carriedFrom(suggestion, commit) {
    if (!suggestion?.inputsKey || (suggestion.size === null && !suggestion.error))
        return null;
    return {
        key: suggestion.inputsKey,
        commit: suggestion.verifiedAt ?? commit,
        verified: suggestion.verified,
        size: suggestion.size,
        savings: suggestion.savings ?? null,
        error: suggestion.error,
        proof: suggestion.proof ?? null
    };
}
/** A carried proof read back from JSON another run wrote; null unless it has the expected shape. */
function carried_parseCarriedProof(value) {
    const v = value;
    if (!v || typeof v !== 'object' || typeof v.key !== 'string' || !/^sha256:[0-9a-f]{64}$/.test(v.key) || typeof v.verified !== 'boolean')
        return null;
    const size = v.size && typeof v.size.uncompressed === 'number' ? { uncompressed: v.size.uncompressed, compressed: typeof v.size.compressed === 'number' ? v.size.compressed : null } : null;
    const proof = v.proof && Array.isArray(v.proof.checks)
        ? {
            checks: v.proof.checks
                .filter((c) => c && typeof c.check === 'string' && typeof c.detail === 'string')
                .map((c) => ({ check: c.check, ok: c.ok === true, detail: c.detail.slice(0, 500), required: c.required !== false })),
            start: v.proof.start && typeof v.proof.start.detail === 'string'
                ? {
                    ok: v.proof.start.ok === true,
                    detail: v.proof.start.detail.slice(0, 500),
                    exitCode: typeof v.proof.start.exitCode === 'number' ? v.proof.start.exitCode : null,
                    running: v.proof.start.running === true,
                    readOnly: v.proof.start.readOnly !== false
                }
                : null
        }
        : null;
    return {
        key: v.key,
        commit: typeof v.commit === 'string' && /^[0-9a-f]{4,64}$/i.test(v.commit) ? v.commit : null,
        verified: v.verified && size !== null,
        size,
        savings: typeof v.savings === 'number' ? v.savings : null,
        error: typeof v.error === 'string' ? v.error.slice(0, 1000) : null,
        proof
    };
}
/** The suggestion with a carried proof applied, when its inputs are unchanged; else null (build it). */
function applyCarried(suggestion, key, carried) {
    if (!carried || carried.key !== key)
        return null;
    return {
        ...suggestion,
        verified: carried.verified,
        size: carried.size,
        savings: carried.savings,
        error: carried.error,
        proof: carried.proof,
        inputsKey: key,
        verifiedAt: carried.commit,
        verifyReason: `nothing it depends on changed since ${carried.commit ? carried.commit.slice(0, 7) : 'the last run'}: its proof is carried, not rebuilt`
    };
}

;// CONCATENATED MODULE: ./src/errors.ts
// Errors a user can act on. Each says what went wrong and how to fix it in
// one line; the entry points print the message, never a stack trace.
/** Bad input: a value that cannot be parsed, a missing file. Exit code 2. */
class UsageError extends Error {
    name = 'UsageError';
}
/** The environment cannot do the job: no Docker daemon, no buildx. Exit code 2. */
class EnvironmentError extends Error {
    name = 'EnvironmentError';
}
/** A command that ran and failed (a build); `detail` holds its last stderr lines. */
class CommandError extends Error {
    detail;
    name = 'CommandError';
    constructor(message, detail = '') {
        super(detail ? `${message}\n${detail}` : message);
        this.detail = detail;
    }
}
function errorMessage(error) {
    return error instanceof Error ? error.message : String(error);
}

;// CONCATENATED MODULE: ./src/report/types.ts
// The report: the pipeline's product and the project's contract (design.md,
// "The report"). Markdown, terminal output, job summary and step outputs are
// all renderings of it; a report written by one run is read by another, so
// names are stable and additions are optional.
/**
 * The contract's version: additions are compatible and keep it. `delta.noise`,
 * `delta.unchanged` and `layerDiff[].noise` (the comparison decides noise once;
 * the renderers only read it) were added later; reports written before them are
 * upgraded on load (report/upgrade.ts).
 */
const SCHEMA_VERSION = 1;

;// CONCATENATED MODULE: ./src/compare/trend.ts
const BASE_LABEL = 'base';
const isSize = (v) => v === null || (typeof v === 'number' && Number.isFinite(v) && v >= 0);
/** Keeps the well-formed points of an untrusted history array; drops the rest. */
function trend_parseHistory(value) {
    if (!Array.isArray(value))
        return [];
    const points = [];
    for (const p of value) {
        if (!p || typeof p !== 'object')
            continue;
        if (typeof p.commit !== 'string' || p.commit === '' || typeof p.at !== 'string')
            continue;
        if (!isSize(p.uncompressed) || !isSize(p.compressed ?? null))
            continue;
        if (p.uncompressed === null && (p.compressed ?? null) === null)
            continue;
        const point = { commit: p.commit, at: p.at, uncompressed: p.uncompressed, compressed: p.compressed ?? null };
        if (typeof p.label === 'string')
            point.label = p.label;
        points.push(point);
    }
    return points;
}
/** The base point of the trend, from a baseline that has a size. */
function basePoint(baseline, at) {
    if (!baseline.size || baseline.error)
        return null;
    const commit = baseline.commit ?? baseline.digest ?? baseline.ref;
    if (!commit)
        return null;
    return { commit, at, uncompressed: baseline.size.uncompressed, compressed: baseline.size.compressed, label: BASE_LABEL };
}
/** This run's point. */
function currentPoint(report, at) {
    const commit = report.image.commit;
    if (!commit)
        return null;
    return { commit, at, uncompressed: report.size.uncompressed, compressed: report.size.compressed };
}
/**
 * The new history: the base point (this run's, else the previous one's), then
 * the pushes in order. A commit measured again (a re-run) is updated in place,
 * so the order stays the order of pushes; the oldest pushes fall off first.
 */
function updateHistory({ previous, base, current, limit }) {
    const previousBase = previous.find((p) => p.label === BASE_LABEL) ?? null;
    const pushes = previous.filter((p) => p.label !== BASE_LABEL);
    if (current) {
        const at = pushes.findIndex((p) => p.commit === current.commit);
        if (at >= 0)
            pushes[at] = current;
        else
            pushes.push(current);
    }
    const unique = pushes.filter((p, i) => pushes.findIndex((q) => q.commit === p.commit) === i);
    const first = base ?? previousBase;
    return [...(first ? [first] : []), ...unique.slice(-limit)];
}

;// CONCATENATED MODULE: ./src/baseline/report.ts
// Baseline from a report JSON written by an earlier run (e.g. on main,
// restored from an artifact or a cache). The file may be missing, foreign or
// corrupt: each case is a "no baseline: …" with the reason, never a crash.





const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const sizeOrNull = (v) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : null);
function parseLayers(value) {
    if (!Array.isArray(value))
        return [];
    return value.filter(isObject).flatMap((l, i) => typeof l.diffId === 'string'
        ? [
            {
                index: typeof l.index === 'number' ? l.index : i,
                diffId: l.diffId,
                instruction: typeof l.instruction === 'string' ? l.instruction : '',
                dockerfileLine: typeof l.dockerfileLine === 'number' ? l.dockerfileLine : null,
                stage: typeof l.stage === 'string' ? l.stage : null,
                fromBaseImage: l.fromBaseImage === true,
                uncompressed: sizeOrNull(l.uncompressed),
                compressed: sizeOrNull(l.compressed)
            }
        ]
        : []);
}
const failed = (file, why) => ({
    baseline: { source: 'report', ref: file, commit: null, size: null, layers: [], error: `no baseline: baseline-report '${file}' ${why}` },
    history: []
});
/** Reads a stored report as a baseline; `platform` picks one of a multi-platform report's entries. */
function baselineFromReportText(text, file, platform) {
    let doc;
    try {
        doc = JSON.parse(text);
    }
    catch (error) {
        return failed(file, `is not JSON (${errorMessage(error)})`);
    }
    if (!isObject(doc) || typeof doc.schemaVersion !== 'number')
        return failed(file, 'is not a go-image-budget report (no schemaVersion)');
    if (doc.schemaVersion > SCHEMA_VERSION) {
        return failed(file, `was written by a newer version (schema ${doc.schemaVersion}; this one reads ${SCHEMA_VERSION}); update the action`);
    }
    let entry = doc;
    const platforms = Array.isArray(doc.platforms) ? doc.platforms.filter(isObject) : [];
    if (platform && platforms.length > 0) {
        const match = platforms.find((p) => p.platform === platform);
        if (!match)
            return failed(file, `has no ${platform} entry (it has ${platforms.map((p) => String(p.platform)).join(', ')})`);
        entry = match;
    }
    const size = isObject(entry.size) ? entry.size : null;
    const uncompressed = size ? sizeOrNull(size.uncompressed) : null;
    const compressed = size ? sizeOrNull(size.compressed) : null;
    if (uncompressed === null && compressed === null)
        return failed(file, 'has no image size');
    const image = isObject(entry.image) ? entry.image : {};
    const reportPlatform = typeof image.platform === 'string' ? image.platform : null;
    const note = platform && reportPlatform && reportPlatform !== platform ? `the stored report measured ${reportPlatform}, this run ${platform}` : null;
    return {
        baseline: {
            source: 'report',
            ref: file,
            commit: typeof image.commit === 'string' ? image.commit : null,
            size: { uncompressed, compressed },
            layers: parseLayers(entry.layers),
            error: null,
            digest: typeof image.id === 'string' ? image.id : null,
            platform: reportPlatform,
            note
        },
        history: trend_parseHistory(doc.history)
    };
}
async function baselineFromReportFile(file, platform) {
    let text;
    try {
        text = await (0,promises_namespaceObject.readFile)(file, 'utf8');
    }
    catch (error) {
        const code = error.code;
        return failed(file, code === 'ENOENT' ? 'does not exist (restore it from the artifact or cache first)' : `cannot be read (${errorMessage(error)})`);
    }
    return baselineFromReportText(text, file, platform);
}
/**
 * The trend stored in a previous run's report (and its suggestion's proof, to
 * carry when nothing it depends on changed); a missing file is the first run
 * (empty history), a corrupt one a warning for the caller.
 */
async function historyFromReportFile(file) {
    let text;
    try {
        text = await (0,promises_namespaceObject.readFile)(file, 'utf8');
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return { history: [], warning: null, proof: null };
        return { history: [], warning: `previous-report '${file}' cannot be read (${errorMessage(error)}); the size trend starts over`, proof: null };
    }
    try {
        const doc = JSON.parse(text);
        const commit = typeof doc?.image?.commit === 'string' ? doc.image.commit : null;
        return { history: trend_parseHistory(doc?.history), warning: null, proof: carried_parseCarriedProof(carriedFrom((doc?.suggestion ?? null), commit)) };
    }
    catch (error) {
        return { history: [], warning: `previous-report '${file}' is not JSON (${errorMessage(error)}); the size trend starts over`, proof: null };
    }
}

;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");
;// CONCATENATED MODULE: ./src/exec.ts
// Running commands without a shell. The pipeline takes an `Exec` as a
// collaborator so tests can run real Docker and the entry points decide where
// output goes.


/** Runs a command and collects its output; never throws for a non-zero exit. */
const exec = (command, args, options = {}) => new Promise((resolve, reject) => {
    const child = (0,external_node_child_process_namespaceObject.spawn)(command, args, {
        cwd: options.cwd,
        env: options.env ?? process.env,
        stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe']
    });
    const out = [];
    const err = [];
    child.stdout?.on('data', (b) => out.push(b));
    child.stderr?.on('data', (b) => {
        err.push(b);
        options.onStderr?.(b.toString('utf8'));
    });
    child.on('error', (e) => {
        reject(e.code === 'ENOENT' ? new EnvironmentError(`'${command}' is not installed or not on PATH`) : e);
    });
    child.on('close', (code) => resolve({ code: code ?? 1, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
    if (child.stdin) {
        // A command that exits before reading its input must not crash us with EPIPE.
        child.stdin.on('error', () => { });
        child.stdin.end(options.input);
    }
});
const spawnStream = (command, args, options = {}) => {
    const child = (0,external_node_child_process_namespaceObject.spawn)(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const err = [];
    child.stderr.on('data', (b) => err.push(b));
    const done = new Promise((resolve, reject) => {
        child.on('error', (e) => reject(e.code === 'ENOENT' ? new EnvironmentError(`'${command}' is not installed or not on PATH`) : e));
        child.on('close', (code, signal) => {
            if (code === 0)
                resolve();
            else
                reject(new CommandError(`${command} ${args[0] ?? ''} failed (${signal ?? `exit ${code}`})`, lastLines(Buffer.concat(err).toString('utf8'))));
        });
    });
    return { stdout: child.stdout, done, kill: () => child.kill() };
};
/** The last meaningful lines of a command's stderr, for error messages. */
function lastLines(text, count = 8) {
    return text
        .split('\n')
        .map((l) => l.trimEnd())
        .filter((l) => l.trim() !== '')
        .slice(-count)
        .join('\n');
}

;// CONCATENATED MODULE: ./src/git.ts
// Where the base is and how to get it: the base ref from the GitHub event (or
// the `base-ref` input), the commit behind it (fetched when the clone is
// shallow or lacks it), and a throw-away worktree of that commit outside both
// build contexts, so the base build writes nothing into the head's checkout.





const ZERO_SHA = /^0+$/;
const str = (v) => (typeof v === 'string' && v !== '' ? v : null);
const obj = (v) => (v && typeof v === 'object' ? v : {});
/**
 * The base to compare with: the `base-ref` input wins; else a pull request's
 * (or merge queue group's) base sha and branch, else a push's `before` (none
 * for a new branch, whose `before` is all zeros).
 */
function resolveBaseRef(event, baseRefInput) {
    if (baseRefInput)
        return { ref: baseRefInput, sha: null };
    if (!event)
        return null;
    const pr = obj(event.payload.pull_request);
    if (event.payload.pull_request) {
        const base = obj(pr.base);
        const sha = str(base.sha);
        const ref = str(base.ref);
        return sha || ref ? { ref, sha } : null;
    }
    if (event.payload.merge_group) {
        const group = obj(event.payload.merge_group);
        const sha = str(group.base_sha);
        const ref = str(group.base_ref);
        return sha || ref ? { ref: ref ? ref.replace(/^refs\/heads\//, '') : null, sha } : null;
    }
    if (event.name === 'push') {
        const before = str(event.payload.before);
        if (!before || ZERO_SHA.test(before))
            return null;
        const ref = str(event.payload.ref);
        return { ref: ref ? ref.replace(/^refs\/heads\//, '') : null, sha: before };
    }
    return null;
}
/** The commit being measured: a pull request's head (GITHUB_SHA is a merge commit there), else GITHUB_SHA. */
function headCommit(event, githubSha) {
    const head = obj(obj(event?.payload.pull_request).head);
    return str(head.sha) ?? githubSha;
}
async function git(exec, cwd, args) {
    const r = await exec('git', args, { cwd, env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' } });
    return { ok: r.code === 0, out: r.stdout.trim(), err: r.stderr };
}
/** The repository's top-level directory, or null outside a git repository. */
async function gitRoot(dir, exec) {
    const r = await git(exec, dir, ['rev-parse', '--show-toplevel']).catch(() => null);
    return r && r.ok ? r.out : null;
}
async function commitOf(exec, repo, rev) {
    const r = await git(exec, repo, ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`]);
    return r.ok ? r.out : null;
}
/** The commit checked out in `repo`, or null. */
async function checkedOutCommit(repo, exec) {
    return commitOf(exec, repo, 'HEAD');
}
/**
 * The commit of `base`: known locally (sha, ref, origin/ref), or fetched from
 * `origin` at depth 1 (a shallow clone has neither the base branch nor its
 * commit). Throws a CommandError with git's last lines when it cannot be had.
 */
async function resolveBaseCommit(repo, base, exec) {
    const errors = [];
    const local = async (revs) => {
        for (const rev of revs) {
            const commit = await commitOf(exec, repo, rev);
            if (commit)
                return { commit, fetched: false };
        }
        return null;
    };
    const fetch = async (want) => {
        const r = await git(exec, repo, ['fetch', '--no-tags', '--depth=1', 'origin', want]);
        const commit = r.ok ? await commitOf(exec, repo, 'FETCH_HEAD') : null;
        if (!commit)
            errors.push(lastLines(r.err, 2));
        return commit ? { commit, fetched: true } : null;
    };
    // The event's sha first, local or fetched: it is what the event means even if the branch moved on since.
    const found = (base.sha ? ((await local([base.sha])) ?? (await fetch(base.sha))) : null) ?? (base.ref ? ((await local([base.ref, `origin/${base.ref}`])) ?? (await fetch(base.ref))) : null);
    if (found)
        return found;
    const name = base.ref && base.sha ? `${base.ref} (${base.sha.slice(0, 12)})` : (base.ref ?? base.sha ?? '?');
    throw new CommandError(`cannot find the base commit ${name} locally or fetch it from origin`, errors.filter(Boolean).join('\n'));
}
/**
 * Checks `commit` out into a new worktree under `parentDir`, runs `fn` in it
 * and removes the worktree afterwards, also when `fn` throws.
 */
async function withWorktree(repo, commit, parentDir, exec, fn) {
    const holder = await (0,promises_namespaceObject.mkdtemp)(external_node_path_default().join(parentDir, 'base-'));
    const dir = external_node_path_default().join(holder, 'worktree');
    // A worktree left by a killed run (its directory gone with the temp dir) is forgotten first.
    await git(exec, repo, ['worktree', 'prune']).catch(() => null);
    const added = await git(exec, repo, ['worktree', 'add', '--detach', '--force', dir, commit]);
    if (!added.ok) {
        await (0,promises_namespaceObject.rm)(holder, { recursive: true, force: true });
        throw new CommandError(`git worktree add for the base commit ${commit.slice(0, 12)} failed`, lastLines(added.err, 3));
    }
    try {
        // A new worktree has empty submodule directories; a build that needs them would fail.
        if ((0,external_node_fs_namespaceObject.existsSync)(external_node_path_default().join(dir, '.gitmodules'))) {
            await git(exec, dir, ['submodule', 'update', '--init', '--recursive', '--depth=1']).catch(() => null);
        }
        return await fn(dir);
    }
    finally {
        await git(exec, repo, ['worktree', 'remove', '--force', dir]).catch(() => null);
        await (0,promises_namespaceObject.rm)(holder, { recursive: true, force: true });
        await git(exec, repo, ['worktree', 'prune']).catch(() => null);
    }
}
/** Whether the repository is a shallow clone (for the report's note). */
async function isShallow(repo, exec) {
    const r = await git(exec, repo, ['rev-parse', '--is-shallow-repository']);
    return r.ok && r.out === 'true';
}
/**
 * True when `paths` (relative to the repository root) hold exactly the same
 * content at `commit` as in the working tree: the same tree or blob as HEAD
 * and nothing modified, untracked or ignored beneath them. Then a build of
 * `commit` would see the same files as the head build.
 */
async function sameContentAsWorkingTree(repo, commit, paths, exec) {
    for (const rel of paths) {
        const spec = rel.split((external_node_path_default()).sep).join('/');
        const [base, head] = await Promise.all([git(exec, repo, ['rev-parse', '--verify', '--quiet', `${commit}:${spec}`]), git(exec, repo, ['rev-parse', '--verify', '--quiet', `HEAD:${spec}`])]);
        // Absent in both (an optional file such as Dockerfile.dockerignore) is the same.
        if (base.ok !== head.ok || base.out !== head.out)
            return false;
    }
    const status = await git(exec, repo, ['status', '--porcelain', '--ignored', '--untracked-files=all', '--', ...paths.map((p) => p || '.')]);
    return status.ok && status.out === '';
}

;// CONCATENATED MODULE: ./node_modules/csv-parse/lib/api/CsvError.js
class CsvError extends Error {
  constructor(code, message, options, ...contexts) {
    if (Array.isArray(message)) message = message.join(" ").trim();
    super(message);
    if (Error.captureStackTrace !== undefined) {
      Error.captureStackTrace(this, CsvError);
    }
    this.code = code;
    for (const context of contexts) {
      for (const key in context) {
        const value = context[key];
        this[key] = Buffer.isBuffer(value)
          ? value.toString(options.encoding)
          : value == null
            ? value
            : JSON.parse(JSON.stringify(value));
      }
    }
  }
}



;// CONCATENATED MODULE: ./node_modules/csv-parse/lib/utils/is_object.js
const is_object = function (obj) {
  return typeof obj === "object" && obj !== null && !Array.isArray(obj);
};



;// CONCATENATED MODULE: ./node_modules/csv-parse/lib/api/normalize_columns_array.js



const normalize_columns_array = function (columns) {
  const normalizedColumns = [];
  for (let i = 0, l = columns.length; i < l; i++) {
    const column = columns[i];
    if (column === undefined || column === null || column === false) {
      normalizedColumns[i] = { disabled: true };
    } else if (typeof column === "string" || typeof column === "number") {
      normalizedColumns[i] = { name: `${column}` };
    } else if (is_object(column)) {
      if (typeof column.name !== "string") {
        throw new CsvError("CSV_OPTION_COLUMNS_MISSING_NAME", [
          "Option columns missing name:",
          `property "name" is required at position ${i}`,
          "when column is an object literal",
        ]);
      }
      normalizedColumns[i] = column;
    } else {
      throw new CsvError("CSV_INVALID_COLUMN_DEFINITION", [
        "Invalid column definition:",
        "expect a string or a literal object,",
        `got ${JSON.stringify(column)} at position ${i}`,
      ]);
    }
  }
  return normalizedColumns;
};



;// CONCATENATED MODULE: ./node_modules/csv-parse/lib/utils/ResizeableBuffer.js
class ResizeableBuffer {
  constructor(size = 100) {
    this.size = size;
    this.length = 0;
    this.buf = Buffer.allocUnsafe(size);
  }
  prepend(val) {
    if (Buffer.isBuffer(val)) {
      const length = this.length + val.length;
      if (length >= this.size) {
        this.resize();
        if (length >= this.size) {
          throw Error("INVALID_BUFFER_STATE");
        }
      }
      const buf = this.buf;
      this.buf = Buffer.allocUnsafe(this.size);
      val.copy(this.buf, 0);
      buf.copy(this.buf, val.length);
      this.length += val.length;
    } else {
      const length = this.length++;
      if (length === this.size) {
        this.resize();
      }
      const buf = this.clone();
      this.buf[0] = val;
      buf.copy(this.buf, 1, 0, length);
    }
  }
  append(val) {
    const length = this.length++;
    if (length === this.size) {
      this.resize();
    }
    this.buf[length] = val;
  }
  clone() {
    return Buffer.from(this.buf.slice(0, this.length));
  }
  resize() {
    const length = this.length;
    this.size = this.size * 2;
    const buf = Buffer.allocUnsafe(this.size);
    this.buf.copy(buf, 0, 0, length);
    this.buf = buf;
  }
  toString(encoding) {
    if (encoding) {
      return this.buf.toString(encoding, 0, this.length);
    } else {
      return Uint8Array.prototype.slice.call(this.buf.slice(0, this.length));
    }
  }
  toJSON() {
    return this.toString("utf8");
  }
  reset() {
    this.length = 0;
  }
}

/* harmony default export */ const utils_ResizeableBuffer = (ResizeableBuffer);

;// CONCATENATED MODULE: ./node_modules/csv-parse/lib/api/init_state.js


const init_state = function (options) {
  // ECMAScript WhiteSpace + LineTerminator codepoints, encoded under
  // `options.encoding`. Aligns trimming with `String.prototype.trim()`.
  // https://tc39.es/ecma262/#sec-white-space
  // https://tc39.es/ecma262/#sec-line-terminators
  //
  // Codepoints unrepresentable in the target encoding are dropped: Node's
  // Buffer substitutes them with `?` (0x3F), and including those would cause
  // literal `?` bytes in the input to be trimmed under `latin1`/`ascii`.
  const timchars = [
    // Basic Latin
    0x0020, // [Space](https://www.fileformat.info/info/unicode/char/0020/index.htm)
    0x0009, // [CHARACTER TABULATION (HT)](https://www.fileformat.info/info/unicode/char/0009/index.htm)
    0x000a, // [LINE FEED (LF)](https://www.fileformat.info/info/unicode/char/000a/index.htm)
    0x000d, // [CARRIAGE RETURN (CR)](https://www.fileformat.info/info/unicode/char/000d/index.htm)
    0x000c, // [FORM FEED (FF)](https://www.fileformat.info/info/unicode/char/000c/index.htm)
    0x000b, // [LINE TABULATION (VT)](https://www.fileformat.info/info/unicode/char/000b/index.htm)
    // Latin-1 Supplement
    0x00a0, // [NO-BREAK SPACE (NBSP)](https://www.fileformat.info/info/unicode/char/00a0/index.htm)
    // Ogham
    0x1680, // [OGHAM SPACE MARK](https://www.fileformat.info/info/unicode/char/1680/index.htm)
    // General Punctuation
    0x2000, // [EN QUAD](https://www.fileformat.info/info/unicode/char/2000/index.htm)
    0x2001, // [EM QUAD](https://www.fileformat.info/info/unicode/char/2001/index.htm)
    0x2002, // [EN SPACE](https://www.fileformat.info/info/unicode/char/2002/index.htm)
    0x2003, // [EM SPACE](https://www.fileformat.info/info/unicode/char/2003/index.htm)
    0x2004, // [THREE-PER-EM SPACE](https://www.fileformat.info/info/unicode/char/2004/index.htm)
    0x2005, // [FOUR-PER-EM SPACE](https://www.fileformat.info/info/unicode/char/2005/index.htm)
    0x2006, // [SIX-PER-EM SPACE](https://www.fileformat.info/info/unicode/char/2006/index.htm)
    0x2007, // [FIGURE SPACE](https://www.fileformat.info/info/unicode/char/2007/index.htm)
    0x2008, // [PUNCTUATION SPACE](https://www.fileformat.info/info/unicode/char/2008/index.htm)
    0x2009, // [THIN SPACE](https://www.fileformat.info/info/unicode/char/2009/index.htm)
    0x200a, // [HAIR SPACE](https://www.fileformat.info/info/unicode/char/200a/index.htm)
    0x2028, // [LINE SEPARATOR](https://www.fileformat.info/info/unicode/char/2028/index.htm)
    0x2029, // [PARAGRAPH SEPARATOR](https://www.fileformat.info/info/unicode/char/2029/index.htm)
    0x202f, // [NARROW NO-BREAK SPACE (NNBSP)](https://www.fileformat.info/info/unicode/char/202f/index.htm)
    0x205f, // [MEDIUM MATHEMATICAL SPACE (MMSP)](https://www.fileformat.info/info/unicode/char/205f/index.htm)
    0x3000, // [IDEOGRAPHIC SPACE](https://www.fileformat.info/info/unicode/char/3000/index.htm)
    0xfeff, // [ZERO WIDTH NO-BREAK SPACE (BOM)](https://www.fileformat.info/info/unicode/char/feff/index.htm)
  ].reduce((acc, codepoint) => {
    const encoded = Buffer.from(
      String.fromCharCode(codepoint),
      options.encoding,
    );
    if (codepoint !== 0x3f && encoded.length === 1 && encoded[0] === 0x3f) {
      return acc;
    }
    acc.push(encoded);
    return acc;
  }, []);
  // First-byte lookup table for `__isCharTrimable`. Non-whitespace bytes
  // (the common case) bail out in O(1) without scanning every timchar.
  const timcharFirstBytes = new Uint8Array(256);
  for (const t of timchars) timcharFirstBytes[t[0]] = 1;
  return {
    bomSkipped: false,
    bufBytesStart: 0,
    castField: options.cast_function,
    commenting: false,
    delimiterBufPrevious: undefined,
    delimiterDiscovered: false,
    // Current error encountered by a record
    error: undefined,
    enabled: options.from_line === 1,
    escaping: false,
    escapeIsQuote:
      Buffer.isBuffer(options.escape) &&
      Buffer.isBuffer(options.quote) &&
      Buffer.compare(options.escape, options.quote) === 0,
    // columns can be `false`, `true`, `Array`
    expectedRecordLength: Array.isArray(options.columns)
      ? options.columns.length
      : undefined,
    field: new utils_ResizeableBuffer(20),
    firstLineToHeaders: options.cast_first_line_to_header,
    needMoreDataSize: Math.max(
      // Skip if the remaining buffer smaller than comment
      options.comment !== null ? options.comment.length : 0,
      // Skip if the remaining buffer can be delimiter
      ...(options.delimiter
        ? options.delimiter.map((delimiter) => delimiter.length)
        : []),
      // Auto discovery of delimiter is limited to 1 character
      options.delimiter_auto ? 1 : 0,
      // Skip if the remaining buffer can be escape sequence
      options.quote !== null ? options.quote.length : 0,
      // Skip if the remaining buffer can be a multi-byte trim character
      ...timchars.map((t) => t.length),
    ),
    previousBuf: undefined,
    quoting: false,
    stop: false,
    rawBuffer: new utils_ResizeableBuffer(100),
    record: [],
    recordHasError: false,
    record_length: 0,
    recordDelimiterMaxLength:
      options.record_delimiter.length === 0
        ? 0
        : Math.max(...options.record_delimiter.map((v) => v.length)),
    trimChars: [
      Buffer.from(" ", options.encoding)[0],
      Buffer.from("\t", options.encoding)[0],
    ],
    wasQuoting: false,
    wasRowDelimiter: false,
    timchars: timchars,
    timcharFirstBytes: timcharFirstBytes,
  };
};



;// CONCATENATED MODULE: ./node_modules/csv-parse/lib/utils/underscore.js
const underscore = function (str) {
  return str.replace(/([A-Z])/g, function (_, match) {
    return "_" + match.toLowerCase();
  });
};



;// CONCATENATED MODULE: ./node_modules/csv-parse/lib/api/normalize_options.js





const normalize_options = function (opts) {
  const options = {};
  // Merge with user options
  for (const opt in opts) {
    options[underscore(opt)] = opts[opt];
  }
  // Normalize option `encoding`
  // Note: defined first because other options depends on it
  // to convert chars/strings into buffers.
  if (options.encoding === undefined || options.encoding === true) {
    options.encoding = "utf8";
  } else if (options.encoding === null || options.encoding === false) {
    options.encoding = null;
  } else if (
    typeof options.encoding !== "string" &&
    options.encoding !== null
  ) {
    throw new CsvError(
      "CSV_INVALID_OPTION_ENCODING",
      [
        "Invalid option encoding:",
        "encoding must be a string or null to return a buffer,",
        `got ${JSON.stringify(options.encoding)}`,
      ],
      options,
    );
  }
  // Normalize option `bom`
  if (
    options.bom === undefined ||
    options.bom === null ||
    options.bom === false
  ) {
    options.bom = false;
  } else if (options.bom !== true) {
    throw new CsvError(
      "CSV_INVALID_OPTION_BOM",
      [
        "Invalid option bom:",
        "bom must be true,",
        `got ${JSON.stringify(options.bom)}`,
      ],
      options,
    );
  }
  // Normalize option `cast`
  options.cast_function = null;
  if (
    options.cast === undefined ||
    options.cast === null ||
    options.cast === false ||
    options.cast === ""
  ) {
    options.cast = undefined;
  } else if (typeof options.cast === "function") {
    options.cast_function = options.cast;
    options.cast = true;
  } else if (options.cast !== true) {
    throw new CsvError(
      "CSV_INVALID_OPTION_CAST",
      [
        "Invalid option cast:",
        "cast must be true or a function,",
        `got ${JSON.stringify(options.cast)}`,
      ],
      options,
    );
  }
  // Normalize option `cast_date`
  if (
    options.cast_date === undefined ||
    options.cast_date === null ||
    options.cast_date === false ||
    options.cast_date === ""
  ) {
    options.cast_date = false;
  } else if (options.cast_date === true) {
    options.cast_date = function (value) {
      const date = Date.parse(value);
      return !isNaN(date) ? new Date(date) : value;
    };
  } else if (typeof options.cast_date !== "function") {
    throw new CsvError(
      "CSV_INVALID_OPTION_CAST_DATE",
      [
        "Invalid option cast_date:",
        "cast_date must be true or a function,",
        `got ${JSON.stringify(options.cast_date)}`,
      ],
      options,
    );
  }
  // Normalize option `columns`
  options.cast_first_line_to_header = undefined;
  if (options.columns === true) {
    // Fields in the first line are converted as-is to columns
    options.cast_first_line_to_header = undefined;
  } else if (typeof options.columns === "function") {
    options.cast_first_line_to_header = options.columns;
    options.columns = true;
  } else if (Array.isArray(options.columns)) {
    options.columns = normalize_columns_array(options.columns);
  } else if (
    options.columns === undefined ||
    options.columns === null ||
    options.columns === false
  ) {
    options.columns = false;
  } else {
    throw new CsvError(
      "CSV_INVALID_OPTION_COLUMNS",
      [
        "Invalid option columns:",
        "expect an array, a function or true,",
        `got ${JSON.stringify(options.columns)}`,
      ],
      options,
    );
  }
  // Normalize option `group_columns_by_name`
  if (
    options.group_columns_by_name === undefined ||
    options.group_columns_by_name === null ||
    options.group_columns_by_name === false
  ) {
    options.group_columns_by_name = false;
  } else if (options.group_columns_by_name !== true) {
    throw new CsvError(
      "CSV_INVALID_OPTION_GROUP_COLUMNS_BY_NAME",
      [
        "Invalid option group_columns_by_name:",
        "expect an boolean,",
        `got ${JSON.stringify(options.group_columns_by_name)}`,
      ],
      options,
    );
  } else if (options.columns === false) {
    throw new CsvError(
      "CSV_INVALID_OPTION_GROUP_COLUMNS_BY_NAME",
      [
        "Invalid option group_columns_by_name:",
        "the `columns` mode must be activated.",
      ],
      options,
    );
  }
  // Normalize option `comment`
  if (
    options.comment === undefined ||
    options.comment === null ||
    options.comment === false ||
    options.comment === ""
  ) {
    options.comment = null;
  } else {
    if (typeof options.comment === "string") {
      options.comment = Buffer.from(options.comment, options.encoding);
    }
    if (!Buffer.isBuffer(options.comment)) {
      throw new CsvError(
        "CSV_INVALID_OPTION_COMMENT",
        [
          "Invalid option comment:",
          "comment must be a buffer or a string,",
          `got ${JSON.stringify(options.comment)}`,
        ],
        options,
      );
    }
  }
  // Normalize option `comment_no_infix`
  if (
    options.comment_no_infix === undefined ||
    options.comment_no_infix === null ||
    options.comment_no_infix === false
  ) {
    options.comment_no_infix = false;
  } else if (options.comment_no_infix !== true) {
    throw new CsvError(
      "CSV_INVALID_OPTION_COMMENT",
      [
        "Invalid option comment_no_infix:",
        "value must be a boolean,",
        `got ${JSON.stringify(options.comment_no_infix)}`,
      ],
      options,
    );
  }
  // Normalize option `delimiter_auto`
  if (
    options.delimiter_auto === undefined ||
    options.delimiter_auto === null ||
    options.delimiter_auto === false
  ) {
    options.delimiter_auto = false;
  } else if (options.delimiter_auto === true) {
    options.delimiter_auto = {};
  } else if (!is_object(options.delimiter_auto)) {
    throw new CsvError(
      "CSV_INVALID_OPTION_DELIMITER_AUTO",
      [
        "Invalid option delimiter_auto:",
        "delimiter_auto must be a boolean or a configuration object,",
        `got ${JSON.stringify(options.delimiter_auto)}`,
      ],
      options,
    );
  }
  if (options.delimiter_auto) {
    if (options.delimiter_auto.preferred === undefined)
      options.delimiter_auto.preferred = {
        [",".charCodeAt(0)]: 1.8,
        ["\t".charCodeAt(0)]: 1.8,
        [";".charCodeAt(0)]: 1.6,
        [" ".charCodeAt(0)]: 1.6,
        [":".charCodeAt(0)]: 1.5,
        [".".charCodeAt(0)]: 1.4,
        ["/".charCodeAt(0)]: 1.4,
      };
    else if (!is_object(options.delimiter_auto.preferred)) {
      throw new CsvError(
        "CSV_INVALID_OPTION_DELIMITER_AUTO",
        [
          "Invalid option delimiter_auto:",
          "preferred must be an object,",
          `got ${JSON.stringify(options.delimiter_auto.preferred)}`,
        ],
        options,
      );
    }
    if (options.delimiter_auto.score === undefined)
      options.delimiter_auto.score = (info, options) => {
        return (
          (info.total - info.std) * (options.preferred[info.char_code] || 1)
        );
      };
    else if (typeof options.delimiter_auto.score !== "function") {
      throw new CsvError(
        "CSV_INVALID_OPTION_DELIMITER_AUTO",
        [
          "Invalid option delimiter_auto:",
          "score must be a function,",
          `got ${JSON.stringify(options.delimiter_auto.score)}`,
        ],
        options,
      );
    }
    if (options.delimiter_auto.size === undefined)
      options.delimiter_auto.size = 2048;
    else if (typeof options.delimiter_auto.size !== "number") {
      throw new CsvError(
        "CSV_INVALID_OPTION_DELIMITER_AUTO",
        [
          "Invalid option delimiter_auto:",
          "size must be a number,",
          `got ${JSON.stringify(options.delimiter_auto.size)}`,
        ],
        options,
      );
    }
  }
  // Normalize option `delimiter`
  const delimiter_json = JSON.stringify(options.delimiter);
  if (options.delimiter_auto !== false) {
    options.delimiter = [];
  }
  if (!Array.isArray(options.delimiter)) {
    if (
      options.delimiter === undefined ||
      options.delimiter === null ||
      options.delimiter === false
    ) {
      options.delimiter = Buffer.from(",", options.encoding);
    }
    options.delimiter = [options.delimiter];
  }
  options.delimiter = options.delimiter.map(function (delimiter) {
    if (typeof delimiter === "string") {
      delimiter = Buffer.from(delimiter, options.encoding);
    }
    if (!Buffer.isBuffer(delimiter) || delimiter.length === 0) {
      throw new CsvError(
        "CSV_INVALID_OPTION_DELIMITER",
        [
          "Invalid option delimiter:",
          "delimiter must be a non empty string or buffer or array of string|buffer,",
          `got ${delimiter_json}`,
        ],
        options,
      );
    }
    return delimiter;
  });
  // Normalize option `escape`
  if (options.escape === undefined || options.escape === true) {
    options.escape = Buffer.from('"', options.encoding);
  } else if (typeof options.escape === "string") {
    options.escape = Buffer.from(options.escape, options.encoding);
  } else if (options.escape === null || options.escape === false) {
    options.escape = null;
  }
  if (options.escape !== null) {
    if (!Buffer.isBuffer(options.escape)) {
      throw new Error(
        `Invalid Option: escape must be a buffer, a string or a boolean, got ${JSON.stringify(options.escape)}`,
      );
    }
  }
  // Normalize option `from`
  if (options.from === undefined || options.from === null) {
    options.from = 1;
  } else {
    if (typeof options.from === "string" && /\d+/.test(options.from)) {
      options.from = parseInt(options.from);
    }
    if (Number.isInteger(options.from)) {
      if (options.from < 0) {
        throw new Error(
          `Invalid Option: from must be a positive integer, got ${JSON.stringify(opts.from)}`,
        );
      }
    } else {
      throw new Error(
        `Invalid Option: from must be an integer, got ${JSON.stringify(options.from)}`,
      );
    }
  }
  // Normalize option `from_line`
  if (options.from_line === undefined || options.from_line === null) {
    options.from_line = 1;
  } else {
    if (
      typeof options.from_line === "string" &&
      /\d+/.test(options.from_line)
    ) {
      options.from_line = parseInt(options.from_line);
    }
    if (Number.isInteger(options.from_line)) {
      if (options.from_line <= 0) {
        throw new Error(
          `Invalid Option: from_line must be a positive integer greater than 0, got ${JSON.stringify(opts.from_line)}`,
        );
      }
    } else {
      throw new Error(
        `Invalid Option: from_line must be an integer, got ${JSON.stringify(opts.from_line)}`,
      );
    }
  }
  // Normalize options `ignore_last_delimiters`
  if (
    options.ignore_last_delimiters === undefined ||
    options.ignore_last_delimiters === null
  ) {
    options.ignore_last_delimiters = false;
  } else if (typeof options.ignore_last_delimiters === "number") {
    options.ignore_last_delimiters = Math.floor(options.ignore_last_delimiters);
    if (options.ignore_last_delimiters === 0) {
      options.ignore_last_delimiters = false;
    }
  } else if (typeof options.ignore_last_delimiters !== "boolean") {
    throw new CsvError(
      "CSV_INVALID_OPTION_IGNORE_LAST_DELIMITERS",
      [
        "Invalid option `ignore_last_delimiters`:",
        "the value must be a boolean value or an integer,",
        `got ${JSON.stringify(options.ignore_last_delimiters)}`,
      ],
      options,
    );
  }
  if (options.ignore_last_delimiters === true && options.columns === false) {
    throw new CsvError(
      "CSV_IGNORE_LAST_DELIMITERS_REQUIRES_COLUMNS",
      [
        "The option `ignore_last_delimiters`",
        "requires the activation of the `columns` option",
      ],
      options,
    );
  }
  // Normalize option `info`
  if (
    options.info === undefined ||
    options.info === null ||
    options.info === false
  ) {
    options.info = false;
  } else if (options.info !== true) {
    throw new Error(
      `Invalid Option: info must be true, got ${JSON.stringify(options.info)}`,
    );
  }
  // Normalize option `max_record_size`
  if (
    options.max_record_size === undefined ||
    options.max_record_size === null ||
    options.max_record_size === false
  ) {
    options.max_record_size = 0;
  } else if (
    Number.isInteger(options.max_record_size) &&
    options.max_record_size >= 0
  ) {
    // Great, nothing to do
  } else if (
    typeof options.max_record_size === "string" &&
    /\d+/.test(options.max_record_size)
  ) {
    options.max_record_size = parseInt(options.max_record_size);
  } else {
    throw new Error(
      `Invalid Option: max_record_size must be a positive integer, got ${JSON.stringify(options.max_record_size)}`,
    );
  }
  // Normalize option `objname`
  if (
    options.objname === undefined ||
    options.objname === null ||
    options.objname === false
  ) {
    options.objname = undefined;
  } else if (Buffer.isBuffer(options.objname)) {
    if (options.objname.length === 0) {
      throw new Error(`Invalid Option: objname must be a non empty buffer`);
    }
    if (options.encoding === null) {
      // Don't call `toString`, leave objname as a buffer
    } else {
      options.objname = options.objname.toString(options.encoding);
    }
  } else if (typeof options.objname === "string") {
    if (options.objname.length === 0) {
      throw new Error(`Invalid Option: objname must be a non empty string`);
    }
    // Great, nothing to do
  } else if (typeof options.objname === "number") {
    // if(options.objname.length === 0){
    //   throw new Error(`Invalid Option: objname must be a non empty string`);
    // }
    // Great, nothing to do
  } else {
    throw new Error(
      `Invalid Option: objname must be a string or a buffer, got ${options.objname}`,
    );
  }
  if (options.objname !== undefined) {
    if (typeof options.objname === "number") {
      if (options.columns !== false) {
        throw Error(
          "Invalid Option: objname index cannot be combined with columns or be defined as a field",
        );
      }
    } else {
      // A string or a buffer
      if (options.columns === false) {
        throw Error(
          "Invalid Option: objname field must be combined with columns or be defined as an index",
        );
      }
    }
  }
  // Normalize option `on_record`
  if (options.on_record === undefined || options.on_record === null) {
    options.on_record = undefined;
  } else if (typeof options.on_record !== "function") {
    throw new CsvError(
      "CSV_INVALID_OPTION_ON_RECORD",
      [
        "Invalid option `on_record`:",
        "expect a function,",
        `got ${JSON.stringify(options.on_record)}`,
      ],
      options,
    );
  }
  // Normalize option `on_skip`
  // options.on_skip ??= (err, chunk) => {
  //   this.emit('skip', err, chunk);
  // };
  if (
    options.on_skip !== undefined &&
    options.on_skip !== null &&
    typeof options.on_skip !== "function"
  ) {
    throw new Error(
      `Invalid Option: on_skip must be a function, got ${JSON.stringify(options.on_skip)}`,
    );
  }
  // Normalize option `quote`
  if (
    options.quote === null ||
    options.quote === false ||
    options.quote === ""
  ) {
    options.quote = null;
  } else {
    if (options.quote === undefined || options.quote === true) {
      options.quote = Buffer.from('"', options.encoding);
    } else if (typeof options.quote === "string") {
      options.quote = Buffer.from(options.quote, options.encoding);
    }
    if (!Buffer.isBuffer(options.quote)) {
      throw new Error(
        `Invalid Option: quote must be a buffer or a string, got ${JSON.stringify(options.quote)}`,
      );
    }
  }
  // Normalize option `raw`
  if (
    options.raw === undefined ||
    options.raw === null ||
    options.raw === false
  ) {
    options.raw = false;
  } else if (options.raw !== true) {
    throw new Error(
      `Invalid Option: raw must be true, got ${JSON.stringify(options.raw)}`,
    );
  }
  // Normalize option `record_delimiter`
  if (options.record_delimiter === undefined) {
    options.record_delimiter = [];
  } else if (
    typeof options.record_delimiter === "string" ||
    Buffer.isBuffer(options.record_delimiter)
  ) {
    if (options.record_delimiter.length === 0) {
      throw new CsvError(
        "CSV_INVALID_OPTION_RECORD_DELIMITER",
        [
          "Invalid option `record_delimiter`:",
          "value must be a non empty string or buffer,",
          `got ${JSON.stringify(options.record_delimiter)}`,
        ],
        options,
      );
    }
    options.record_delimiter = [options.record_delimiter];
  } else if (!Array.isArray(options.record_delimiter)) {
    throw new CsvError(
      "CSV_INVALID_OPTION_RECORD_DELIMITER",
      [
        "Invalid option `record_delimiter`:",
        "value must be a string, a buffer or array of string|buffer,",
        `got ${JSON.stringify(options.record_delimiter)}`,
      ],
      options,
    );
  }
  options.record_delimiter = options.record_delimiter.map(function (rd, i) {
    if (typeof rd !== "string" && !Buffer.isBuffer(rd)) {
      throw new CsvError(
        "CSV_INVALID_OPTION_RECORD_DELIMITER",
        [
          "Invalid option `record_delimiter`:",
          "value must be a string, a buffer or array of string|buffer",
          `at index ${i},`,
          `got ${JSON.stringify(rd)}`,
        ],
        options,
      );
    } else if (rd.length === 0) {
      throw new CsvError(
        "CSV_INVALID_OPTION_RECORD_DELIMITER",
        [
          "Invalid option `record_delimiter`:",
          "value must be a non empty string or buffer",
          `at index ${i},`,
          `got ${JSON.stringify(rd)}`,
        ],
        options,
      );
    }
    if (typeof rd === "string") {
      rd = Buffer.from(rd, options.encoding);
    }
    return rd;
  });
  // Normalize option `relax_column_count`
  if (typeof options.relax_column_count === "boolean") {
    // Great, nothing to do
  } else if (
    options.relax_column_count === undefined ||
    options.relax_column_count === null
  ) {
    options.relax_column_count = false;
  } else {
    throw new Error(
      `Invalid Option: relax_column_count must be a boolean, got ${JSON.stringify(options.relax_column_count)}`,
    );
  }
  if (typeof options.relax_column_count_less === "boolean") {
    // Great, nothing to do
  } else if (
    options.relax_column_count_less === undefined ||
    options.relax_column_count_less === null
  ) {
    options.relax_column_count_less = false;
  } else {
    throw new Error(
      `Invalid Option: relax_column_count_less must be a boolean, got ${JSON.stringify(options.relax_column_count_less)}`,
    );
  }
  if (typeof options.relax_column_count_more === "boolean") {
    // Great, nothing to do
  } else if (
    options.relax_column_count_more === undefined ||
    options.relax_column_count_more === null
  ) {
    options.relax_column_count_more = false;
  } else {
    throw new Error(
      `Invalid Option: relax_column_count_more must be a boolean, got ${JSON.stringify(options.relax_column_count_more)}`,
    );
  }
  // Normalize option `relax_quotes`
  if (typeof options.relax_quotes === "boolean") {
    // Great, nothing to do
  } else if (
    options.relax_quotes === undefined ||
    options.relax_quotes === null
  ) {
    options.relax_quotes = false;
  } else {
    throw new Error(
      `Invalid Option: relax_quotes must be a boolean, got ${JSON.stringify(options.relax_quotes)}`,
    );
  }
  // Normalize option `skip_empty_lines`
  if (typeof options.skip_empty_lines === "boolean") {
    // Great, nothing to do
  } else if (
    options.skip_empty_lines === undefined ||
    options.skip_empty_lines === null
  ) {
    options.skip_empty_lines = false;
  } else {
    throw new Error(
      `Invalid Option: skip_empty_lines must be a boolean, got ${JSON.stringify(options.skip_empty_lines)}`,
    );
  }
  // Normalize option `skip_records_with_empty_values`
  if (typeof options.skip_records_with_empty_values === "boolean") {
    // Great, nothing to do
  } else if (
    options.skip_records_with_empty_values === undefined ||
    options.skip_records_with_empty_values === null
  ) {
    options.skip_records_with_empty_values = false;
  } else {
    throw new Error(
      `Invalid Option: skip_records_with_empty_values must be a boolean, got ${JSON.stringify(options.skip_records_with_empty_values)}`,
    );
  }
  // Normalize option `skip_records_with_error`
  if (typeof options.skip_records_with_error === "boolean") {
    // Great, nothing to do
  } else if (
    options.skip_records_with_error === undefined ||
    options.skip_records_with_error === null
  ) {
    options.skip_records_with_error = false;
  } else {
    throw new Error(
      `Invalid Option: skip_records_with_error must be a boolean, got ${JSON.stringify(options.skip_records_with_error)}`,
    );
  }
  // Normalize option `rtrim`
  if (
    options.rtrim === undefined ||
    options.rtrim === null ||
    options.rtrim === false
  ) {
    options.rtrim = false;
  } else if (options.rtrim !== true) {
    throw new Error(
      `Invalid Option: rtrim must be a boolean, got ${JSON.stringify(options.rtrim)}`,
    );
  }
  // Normalize option `ltrim`
  if (
    options.ltrim === undefined ||
    options.ltrim === null ||
    options.ltrim === false
  ) {
    options.ltrim = false;
  } else if (options.ltrim !== true) {
    throw new Error(
      `Invalid Option: ltrim must be a boolean, got ${JSON.stringify(options.ltrim)}`,
    );
  }
  // Normalize option `trim`
  if (
    options.trim === undefined ||
    options.trim === null ||
    options.trim === false
  ) {
    options.trim = false;
  } else if (options.trim !== true) {
    throw new Error(
      `Invalid Option: trim must be a boolean, got ${JSON.stringify(options.trim)}`,
    );
  }
  // Normalize options `trim`, `ltrim` and `rtrim`
  if (options.trim === true && opts.ltrim !== false) {
    options.ltrim = true;
  } else if (options.ltrim !== true) {
    options.ltrim = false;
  }
  if (options.trim === true && opts.rtrim !== false) {
    options.rtrim = true;
  } else if (options.rtrim !== true) {
    options.rtrim = false;
  }
  // Normalize option `to`
  if (options.to === undefined || options.to === null) {
    options.to = -1;
  } else if (options.to !== -1) {
    if (typeof options.to === "string" && /\d+/.test(options.to)) {
      options.to = parseInt(options.to);
    }
    if (Number.isInteger(options.to)) {
      if (options.to <= 0) {
        throw new Error(
          `Invalid Option: to must be a positive integer greater than 0, got ${JSON.stringify(opts.to)}`,
        );
      }
    } else {
      throw new Error(
        `Invalid Option: to must be an integer, got ${JSON.stringify(opts.to)}`,
      );
    }
  }
  // Normalize option `to_line`
  if (options.to_line === undefined || options.to_line === null) {
    options.to_line = -1;
  } else if (options.to_line !== -1) {
    if (typeof options.to_line === "string" && /\d+/.test(options.to_line)) {
      options.to_line = parseInt(options.to_line);
    }
    if (Number.isInteger(options.to_line)) {
      if (options.to_line <= 0) {
        throw new Error(
          `Invalid Option: to_line must be a positive integer greater than 0, got ${JSON.stringify(opts.to_line)}`,
        );
      }
    } else {
      throw new Error(
        `Invalid Option: to_line must be an integer, got ${JSON.stringify(opts.to_line)}`,
      );
    }
  }
  return options;
};



;// CONCATENATED MODULE: ./node_modules/csv-parse/lib/utils/delimiter_discover.js



// Discussed in [issue #400](https://github.com/adaltas/node-csv/issues/400)
// See https://github.com/python/cpython/blob/ea1b1c579f600cc85d145c60862b2e6b98701b24/Lib/csv.py#L349
const delimiter_discover = function (records, options) {
  // Normalize the configuration
  if (!options) {
    ({ delimiter_auto: options } = normalize_options({ delimiter_auto: true }));
  }
  // Convert String to Buffer
  if (typeof records === "string") {
    records = Buffer.from(records);
  }
  // Convert Buffer to an array of records
  if (Buffer.isBuffer(records)) {
    records = ((data) => {
      const records = [];
      const parser = transform({ delimiter: [] });
      const push = (record) => records.push(record);
      const close = () => {};
      const error = parser.parse(data, true, push, close);
      if (error !== undefined) throw error;
      return records;
    })(records);
  }
  // Info array initialization, 127 entries, one per char code
  const info = Array(127)
    .fill()
    .map(() => ({ lines: [] }));
  // Traverse each records, count occurences per char code
  records.map(([record], line) => {
    for (let i = 0, l = record.length; i < l; i++) {
      // Count the character frequency
      const code = record.charCodeAt(i);
      if (info[code].lines[line] === undefined) info[code].lines[line] = 0;
      info[code].lines[line]++;
    }
  });
  // Traverse each char code, compute the score
  info.map((info, i) => {
    info.char_code = i;
    info.std = std(info.lines);
    info.total = info.lines.reduce((acc, val) => acc + val, 0);
    info.preferred = !!options.preferred[i];
    info.score = options.score(info, options);
  });
  // Extract the dominant character
  const result = info.reduce(
    (acc, info) => (acc.score > info.score ? acc : info),
    {},
  );
  return String.fromCharCode(result.char_code);
};

const std = function (array) {
  const n = array.length;
  if (n === 0) return 0;
  const mean = array.reduce((a, b) => a + b) / n;
  return Math.sqrt(
    array.map((x) => Math.pow(x - mean, 2)).reduce((a, b) => a + b) / n,
  );
};



;// CONCATENATED MODULE: ./node_modules/csv-parse/lib/api/index.js






const isRecordEmpty = function (record) {
  return record.every(
    (field) =>
      field == null || (field.toString && field.toString().trim() === ""),
  );
};

const cr = 13; // `\r`, carriage return, 0x0D in hexadécimal, 13 in decimal
const nl = 10; // `\n`, newline, 0x0A in hexadecimal, 10 in decimal

const boms = {
  // Note, the following are equals:
  // Buffer.from("\ufeff")
  // Buffer.from([239, 187, 191])
  // Buffer.from('EFBBBF', 'hex')
  utf8: Buffer.from([239, 187, 191]),
  // Note, the following are equals:
  // Buffer.from "\ufeff", 'utf16le
  // Buffer.from([255, 254])
  utf16le: Buffer.from([255, 254]),
};

const transform = function (original_options = {}) {
  const info = {
    bytes: 0,
    bytes_records: 0,
    comment_lines: 0,
    empty_lines: 0,
    invalid_field_length: 0,
    lines: 1,
    records: 0,
  };
  const options = normalize_options(original_options);
  return {
    info: info,
    original_options: original_options,
    options: options,
    state: init_state(options),
    __needMoreData: function (i, bufLen, end) {
      if (end) return false;
      const { encoding, escape, quote } = this.options;
      const { quoting, needMoreDataSize, recordDelimiterMaxLength } =
        this.state;
      const numOfCharLeft = bufLen - i - 1;
      const requiredLength = Math.max(
        needMoreDataSize,
        // Skip if the remaining buffer smaller than record delimiter
        // If "record_delimiter" is yet to be discovered:
        // 1. It is equals to `[]` and "recordDelimiterMaxLength" equals `0`
        // 2. We set the length to windows line ending in the current encoding
        // Note, that encoding is known from user or bom discovery at that point
        // recordDelimiterMaxLength,
        recordDelimiterMaxLength === 0
          ? Buffer.from("\r\n", encoding).length
          : recordDelimiterMaxLength,
        // Skip if remaining buffer can be an escaped quote
        quoting ? (escape === null ? 0 : escape.length) + quote.length : 0,
        // Skip if remaining buffer can be record delimiter following the closing quote
        quoting ? quote.length + recordDelimiterMaxLength : 0,
      );
      return numOfCharLeft < requiredLength;
    },
    // Central parser implementation
    parse: function (nextBuf, end, push, close) {
      const {
        bom,
        comment_no_infix,
        delimiter_auto,
        encoding,
        from_line,
        ltrim,
        max_record_size,
        raw,
        relax_quotes,
        rtrim,
        skip_empty_lines,
        to,
        to_line,
      } = this.options;
      let { comment, escape, quote, record_delimiter } = this.options;
      const {
        bomSkipped,
        delimiterDiscovered,
        delimiterBufPrevious,
        rawBuffer,
        escapeIsQuote,
      } = this.state;
      // Automatic delimiter discovery
      if (!delimiterDiscovered && delimiter_auto) {
        let delimiterBuf;
        if (delimiterBufPrevious === undefined) {
          delimiterBuf = nextBuf;
        } else if (
          delimiterBufPrevious !== undefined &&
          nextBuf === undefined
        ) {
          delimiterBuf = delimiterBufPrevious;
        } else {
          delimiterBuf = Buffer.concat([delimiterBufPrevious, nextBuf]);
        }
        // Ensure that nextBuf is not concatenated a second time during buffer reconciliation
        nextBuf = undefined;
        // this.delimiterBufPrevious = delimiterBuf;
        if (end || delimiterBuf.length > delimiter_auto.size) {
          this.options.delimiter = [
            Buffer.from(
              delimiter_discover(delimiterBuf, this.options.delimiter_auto),
            ),
          ];
          this.state.previousBuf = delimiterBuf;
          this.state.delimiterBufPrevious = undefined;
          this.state.delimiterDiscovered = true;
        } else {
          this.state.delimiterBufPrevious = delimiterBuf;
          return;
        }
      }
      // Previous buffers reconciliation
      const { previousBuf } = this.state;
      let buf;
      if (previousBuf === undefined) {
        if (nextBuf === undefined) {
          // Handle empty string
          close();
          return;
        } else {
          buf = nextBuf;
        }
      } else if (previousBuf !== undefined && nextBuf === undefined) {
        buf = previousBuf;
      } else {
        buf = Buffer.concat([previousBuf, nextBuf]);
      }
      // Handle UTF BOM
      if (bomSkipped === false) {
        if (bom === false) {
          this.state.bomSkipped = true;
        } else if (buf.length < 3) {
          // No enough data
          if (end === false) {
            // Wait for more data
            this.state.previousBuf = buf;
            return;
          }
        } else {
          for (const encoding in boms) {
            if (boms[encoding].compare(buf, 0, boms[encoding].length) === 0) {
              // Skip BOM
              const bomLength = boms[encoding].length;
              this.state.bufBytesStart += bomLength;
              buf = buf.slice(bomLength);
              // Renormalize original options with the new encoding
              const options = normalize_options({
                ...this.original_options,
                encoding: encoding,
              });
              // Properties are merged with the existing options instance
              for (const key in options) {
                this.options[key] = options[key];
              }
              // Options will re-evaluate the Buffer with the new encoding
              ({ comment, escape, quote } = this.options);
              break;
            }
          }
          this.state.bomSkipped = true;
        }
      }
      const bufLen = buf.length;
      let pos;
      for (pos = 0; pos < bufLen; pos++) {
        // Ensure we get enough space to look ahead
        // There should be a way to move this out of the loop
        if (this.__needMoreData(pos, bufLen, end)) {
          break;
        }
        if (this.state.wasRowDelimiter === true) {
          this.info.lines++;
          this.state.wasRowDelimiter = false;
        }
        if (to_line !== -1 && this.info.lines > to_line) {
          this.state.stop = true;
          close();
          return;
        }
        // Auto discovery of record_delimiter, unix, mac and windows supported
        if (this.state.quoting === false && record_delimiter.length === 0) {
          const record_delimiterCount = this.__autoDiscoverRecordDelimiter(
            buf,
            pos,
          );
          if (record_delimiterCount) {
            record_delimiter = this.options.record_delimiter;
          }
        }
        const chr = buf[pos];
        if (raw === true) {
          rawBuffer.append(chr);
        }
        if (
          (chr === cr || chr === nl) &&
          this.state.wasRowDelimiter === false
        ) {
          this.state.wasRowDelimiter = true;
        }
        // Previous char was a valid escape char
        // treat the current char as a regular char
        if (this.state.escaping === true) {
          this.state.escaping = false;
        } else {
          // Escape is only active inside quoted fields
          // We are quoting, the char is an escape chr and there is a chr to escape
          // if(escape !== null && this.state.quoting === true && chr === escape && pos + 1 < bufLen){
          if (
            escape !== null &&
            this.state.quoting === true &&
            this.__isEscape(buf, pos, chr) &&
            pos + escape.length < bufLen
          ) {
            if (escapeIsQuote) {
              if (this.__isQuote(buf, pos + escape.length)) {
                this.state.escaping = true;
                pos += escape.length - 1;
                continue;
              }
            } else {
              this.state.escaping = true;
              pos += escape.length - 1;
              continue;
            }
          }
          // Not currently escaping and chr is a quote
          // TODO: need to compare bytes instead of single char
          if (this.state.commenting === false && this.__isQuote(buf, pos)) {
            if (this.state.quoting === true) {
              const nextChr = buf[pos + quote.length];
              const isNextChrTrimable =
                rtrim && this.__isCharTrimable(buf, pos + quote.length);
              const isNextChrComment =
                comment !== null &&
                this.__compareBytes(comment, buf, pos + quote.length, nextChr);
              const isNextChrDelimiter = this.__isDelimiter(
                buf,
                pos + quote.length,
                nextChr,
              );
              const isNextChrRecordDelimiter =
                record_delimiter.length === 0
                  ? this.__autoDiscoverRecordDelimiter(buf, pos + quote.length)
                  : this.__isRecordDelimiter(nextChr, buf, pos + quote.length);
              // Escape a quote
              // Treat next char as a regular character
              if (
                escape !== null &&
                this.__isEscape(buf, pos, chr) &&
                this.__isQuote(buf, pos + escape.length)
              ) {
                pos += escape.length - 1;
              } else if (
                !nextChr ||
                isNextChrDelimiter ||
                isNextChrRecordDelimiter ||
                isNextChrComment ||
                isNextChrTrimable
              ) {
                this.state.quoting = false;
                this.state.wasQuoting = true;
                pos += quote.length - 1;
                continue;
              } else if (relax_quotes === false) {
                const err = this.__error(
                  new CsvError(
                    "CSV_INVALID_CLOSING_QUOTE",
                    [
                      "Invalid Closing Quote:",
                      `got "${String.fromCharCode(nextChr)}"`,
                      `at line ${this.info.lines}`,
                      "instead of delimiter, record delimiter, trimable character",
                      "(if activated) or comment",
                    ],
                    this.options,
                    this.__infoField(),
                  ),
                );
                if (err !== undefined) return err;
              } else {
                this.state.quoting = false;
                this.state.wasQuoting = true;
                this.state.field.prepend(quote);
                pos += quote.length - 1;
              }
            } else {
              if (this.state.field.length !== 0) {
                // In relax_quotes mode, treat opening quote preceded by chrs as regular
                if (relax_quotes === false) {
                  const info = this.__infoField();
                  const bom = Object.keys(boms)
                    .map((b) =>
                      boms[b].equals(this.state.field.toString()) ? b : false,
                    )
                    .filter(Boolean)[0];
                  const err = this.__error(
                    new CsvError(
                      "INVALID_OPENING_QUOTE",
                      [
                        "Invalid Opening Quote:",
                        `a quote is found on field ${JSON.stringify(info.column)} at line ${info.lines}, value is ${JSON.stringify(this.state.field.toString(encoding))}`,
                        bom ? `(${bom} bom)` : undefined,
                      ],
                      this.options,
                      info,
                      {
                        field: this.state.field,
                      },
                    ),
                  );
                  if (err !== undefined) return err;
                }
              } else {
                this.state.quoting = true;
                pos += quote.length - 1;
                continue;
              }
            }
          }
          if (this.state.quoting === false) {
            const recordDelimiterLength = this.__isRecordDelimiter(
              chr,
              buf,
              pos,
            );
            if (recordDelimiterLength !== 0) {
              // Do not emit comments which take a full line
              const skipCommentLine =
                this.state.commenting &&
                this.state.wasQuoting === false &&
                this.state.record.length === 0 &&
                this.state.field.length === 0;
              if (skipCommentLine) {
                this.info.comment_lines++;
                // Skip full comment line
              } else {
                // Activate records emission if above from_line
                if (
                  this.state.enabled === false &&
                  this.info.lines +
                    (this.state.wasRowDelimiter === true ? 1 : 0) >=
                    from_line
                ) {
                  this.state.enabled = true;
                  this.__resetField();
                  this.__resetRecord();
                  pos += recordDelimiterLength - 1;
                  continue;
                }
                // Skip if line is empty and skip_empty_lines activated
                if (
                  skip_empty_lines === true &&
                  this.state.wasQuoting === false &&
                  this.state.record.length === 0 &&
                  this.state.field.length === 0
                ) {
                  this.info.empty_lines++;
                  pos += recordDelimiterLength - 1;
                  continue;
                }
                this.info.bytes = this.state.bufBytesStart + pos;
                const errField = this.__onField();
                if (errField !== undefined) return errField;
                this.info.bytes =
                  this.state.bufBytesStart + pos + recordDelimiterLength;
                const errRecord = this.__onRecord(push);
                if (errRecord !== undefined) return errRecord;
                if (to !== -1 && this.info.records >= to) {
                  this.state.stop = true;
                  close();
                  return;
                }
              }
              this.state.commenting = false;
              pos += recordDelimiterLength - 1;
              continue;
            }
            if (this.state.commenting) {
              continue;
            }
            if (
              comment !== null &&
              (comment_no_infix === false ||
                (this.state.record.length === 0 &&
                  this.state.field.length === 0))
            ) {
              const commentCount = this.__compareBytes(comment, buf, pos, chr);
              if (commentCount !== 0) {
                this.state.commenting = true;
                continue;
              }
            }
            const delimiterLength = this.__isDelimiter(buf, pos, chr);
            if (delimiterLength !== 0) {
              this.info.bytes = this.state.bufBytesStart + pos;
              const errField = this.__onField();
              if (errField !== undefined) return errField;
              pos += delimiterLength - 1;
              continue;
            }
          }
        }
        if (this.state.commenting === false) {
          if (
            max_record_size !== 0 &&
            this.state.record_length + this.state.field.length > max_record_size
          ) {
            return this.__error(
              new CsvError(
                "CSV_MAX_RECORD_SIZE",
                [
                  "Max Record Size:",
                  "record exceed the maximum number of tolerated bytes",
                  `of ${max_record_size}`,
                  `at line ${this.info.lines}`,
                ],
                this.options,
                this.__infoField(),
              ),
            );
          }
        }
        const lappend =
          ltrim === false ||
          this.state.quoting === true ||
          this.state.field.length !== 0 ||
          !this.__isCharTrimable(buf, pos);
        // rtrim in non quoting is handle in __onField
        const rappend = rtrim === false || this.state.wasQuoting === false;
        if (lappend === true && rappend === true) {
          this.state.field.append(chr);
        } else if (rtrim === true && !this.__isCharTrimable(buf, pos)) {
          return this.__error(
            new CsvError(
              "CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE",
              [
                "Invalid Closing Quote:",
                "found non trimable byte after quote",
                `at line ${this.info.lines}`,
              ],
              this.options,
              this.__infoField(),
            ),
          );
        } else {
          if (lappend === false) {
            pos += this.__isCharTrimable(buf, pos) - 1;
          }
          continue;
        }
      }
      if (end === true) {
        // Ensure we are not ending in a quoting state
        if (this.state.quoting === true) {
          const err = this.__error(
            new CsvError(
              "CSV_QUOTE_NOT_CLOSED",
              [
                "Quote Not Closed:",
                `the parsing is finished with an opening quote at line ${this.info.lines}`,
              ],
              this.options,
              this.__infoField(),
            ),
          );
          if (err !== undefined) return err;
        } else {
          // Skip last line if it has no characters
          if (
            this.state.wasQuoting === true ||
            this.state.record.length !== 0 ||
            this.state.field.length !== 0
          ) {
            this.info.bytes = this.state.bufBytesStart + pos;
            const errField = this.__onField();
            if (errField !== undefined) return errField;
            const errRecord = this.__onRecord(push);
            if (errRecord !== undefined) return errRecord;
          } else if (this.state.wasRowDelimiter === true) {
            this.info.empty_lines++;
          } else if (this.state.commenting === true) {
            this.info.comment_lines++;
          }
        }
      } else {
        this.state.bufBytesStart += pos;
        this.state.previousBuf = buf.slice(pos);
      }
      if (this.state.wasRowDelimiter === true) {
        this.info.lines++;
        this.state.wasRowDelimiter = false;
      }
    },
    __onRecord: function (push) {
      const {
        columns,
        group_columns_by_name,
        encoding,
        info,
        from,
        relax_column_count,
        relax_column_count_less,
        relax_column_count_more,
        raw,
        skip_records_with_empty_values,
      } = this.options;
      const { enabled, record } = this.state;
      if (enabled === false) {
        return this.__resetRecord();
      }
      // Convert the first line into column names
      const recordLength = record.length;
      if (columns === true) {
        if (skip_records_with_empty_values === true && isRecordEmpty(record)) {
          this.__resetRecord();
          return;
        }
        return this.__firstLineToColumns(record);
      }
      if (columns === false && this.info.records === 0) {
        this.state.expectedRecordLength = recordLength;
      }
      if (recordLength !== this.state.expectedRecordLength) {
        const err =
          columns === false
            ? new CsvError(
                "CSV_RECORD_INCONSISTENT_FIELDS_LENGTH",
                [
                  "Invalid Record Length:",
                  `expect ${this.state.expectedRecordLength},`,
                  `got ${recordLength} on line ${this.info.lines}`,
                ],
                this.options,
                this.__infoField(),
                {
                  record: record,
                },
              )
            : new CsvError(
                "CSV_RECORD_INCONSISTENT_COLUMNS",
                [
                  "Invalid Record Length:",
                  `columns length is ${columns.length},`, // rename columns
                  `got ${recordLength} on line ${this.info.lines}`,
                ],
                this.options,
                this.__infoField(),
                {
                  record: record,
                },
              );
        if (
          relax_column_count === true ||
          (relax_column_count_less === true &&
            recordLength < this.state.expectedRecordLength) ||
          (relax_column_count_more === true &&
            recordLength > this.state.expectedRecordLength)
        ) {
          this.info.invalid_field_length++;
          this.state.error = err;
          // Error is undefined with skip_records_with_error
        } else {
          const finalErr = this.__error(err);
          if (finalErr) return finalErr;
        }
      }
      if (skip_records_with_empty_values === true && isRecordEmpty(record)) {
        this.__resetRecord();
        return;
      }
      if (this.state.recordHasError === true) {
        this.__resetRecord();
        this.state.recordHasError = false;
        return;
      }
      this.info.records++;
      if (from === 1 || this.info.records >= from) {
        const { objname } = this.options;
        // With columns, records are object
        if (columns !== false) {
          const obj = {};
          // Transform record array to an object
          for (let i = 0, l = record.length; i < l; i++) {
            if (columns[i] === undefined || columns[i].disabled) continue;
            // Turn duplicate columns into an array
            if (
              group_columns_by_name === true &&
              Object.hasOwn(obj, columns[i].name)
            ) {
              if (Array.isArray(obj[columns[i].name])) {
                obj[columns[i].name] = obj[columns[i].name].concat(record[i]);
              } else {
                obj[columns[i].name] = [obj[columns[i].name], record[i]];
              }
            } else {
              Object.defineProperty(obj, columns[i].name, {
                value: record[i],
                enumerable: true,
                writable: true,
                configurable: true,
              });
            }
          }
          // Without objname (default)
          if (raw === true || info === true) {
            const extRecord = Object.assign(
              { record: obj },
              raw === true
                ? { raw: this.state.rawBuffer.toString(encoding) }
                : {},
              info === true ? { info: this.__infoRecord() } : {},
            );
            const err = this.__push(
              objname === undefined ? extRecord : [obj[objname], extRecord],
              push,
            );
            if (err) {
              return err;
            }
          } else {
            const err = this.__push(
              objname === undefined ? obj : [obj[objname], obj],
              push,
            );
            if (err) {
              return err;
            }
          }
          // Without columns, records are array
        } else {
          if (raw === true || info === true) {
            const extRecord = Object.assign(
              { record: record },
              raw === true
                ? { raw: this.state.rawBuffer.toString(encoding) }
                : {},
              info === true ? { info: this.__infoRecord() } : {},
            );
            const err = this.__push(
              objname === undefined ? extRecord : [record[objname], extRecord],
              push,
            );
            if (err) {
              return err;
            }
          } else {
            const err = this.__push(
              objname === undefined ? record : [record[objname], record],
              push,
            );
            if (err) {
              return err;
            }
          }
        }
      }
      this.__resetRecord();
    },
    __firstLineToColumns: function (record) {
      const { firstLineToHeaders } = this.state;
      try {
        const headers =
          firstLineToHeaders === undefined
            ? record
            : firstLineToHeaders.call(null, record);
        if (!Array.isArray(headers)) {
          return this.__error(
            new CsvError(
              "CSV_INVALID_COLUMN_MAPPING",
              [
                "Invalid Column Mapping:",
                "expect an array from column function,",
                `got ${JSON.stringify(headers)}`,
              ],
              this.options,
              this.__infoField(),
              {
                headers: headers,
              },
            ),
          );
        }
        const normalizedHeaders = normalize_columns_array(headers);
        this.state.expectedRecordLength = normalizedHeaders.length;
        this.options.columns = normalizedHeaders;
        this.__resetRecord();
        return;
      } catch (err) {
        return err;
      }
    },
    __resetRecord: function () {
      if (this.options.raw === true) {
        this.state.rawBuffer.reset();
      }
      this.state.error = undefined;
      this.state.record = [];
      this.state.record_length = 0;
    },
    __onField: function () {
      const { cast, encoding, rtrim, max_record_size } = this.options;
      const { enabled, wasQuoting } = this.state;
      // Short circuit for the from_line options
      if (enabled === false) {
        return this.__resetField();
      }
      let field = this.state.field.toString(encoding);
      if (rtrim === true && wasQuoting === false) {
        field = field.trimRight();
      }
      if (cast === true) {
        const [err, f] = this.__cast(field);
        if (err !== undefined) return err;
        field = f;
      }
      this.state.record.push(field);
      // Increment record length if record size must not exceed a limit
      if (max_record_size !== 0 && typeof field === "string") {
        this.state.record_length += field.length;
      }
      this.__resetField();
    },
    __resetField: function () {
      this.state.field.reset();
      this.state.wasQuoting = false;
    },
    __push: function (record, push) {
      const { on_record } = this.options;
      if (on_record !== undefined) {
        const info = this.__infoRecord();
        try {
          record = on_record.call(null, record, info);
        } catch (err) {
          return err;
        }
        if (record === undefined || record === null) {
          return;
        }
      }
      this.info.bytes_records += this.info.bytes;
      push(record);
    },
    // Return a tuple with the error and the casted value
    __cast: function (field) {
      const { columns, relax_column_count } = this.options;
      const isColumns = Array.isArray(columns);
      // Dont loose time calling cast
      // because the final record is an object
      // and this field can't be associated to a key present in columns
      if (
        isColumns === true &&
        relax_column_count &&
        this.options.columns.length <= this.state.record.length
      ) {
        return [undefined, undefined];
      }
      if (this.state.castField !== null) {
        try {
          const info = this.__infoField();
          return [undefined, this.state.castField.call(null, field, info)];
        } catch (err) {
          return [err];
        }
      }
      if (this.__isFloat(field)) {
        return [undefined, parseFloat(field)];
      } else if (this.options.cast_date !== false) {
        const info = this.__infoField();
        return [undefined, this.options.cast_date.call(null, field, info)];
      }
      return [undefined, field];
    },
    __compareBytes: function (sourceBuf, targetBuf, targetPos, firstByte) {
      if (sourceBuf[0] !== firstByte) return 0;
      const sourceLength = sourceBuf.length;
      for (let i = 1; i < sourceLength; i++) {
        if (sourceBuf[i] !== targetBuf[targetPos + i]) return 0;
      }
      return sourceLength;
    },
    // Helper to test if a character is trimable
    __isCharTrimable: function (buf, pos) {
      const { timchars, timcharFirstBytes } = this.state;
      // Fast bail-out: non-whitespace bytes (the common case) are rejected
      // without scanning the full timchar list.
      const first = buf[pos];
      if (first === undefined || timcharFirstBytes[first] === 0) return 0;
      loop1: for (let i = 0; i < timchars.length; i++) {
        const timchar = timchars[i];
        for (let j = 0; j < timchar.length; j++) {
          if (timchar[j] !== buf[pos + j]) continue loop1;
        }
        return timchar.length;
      }
      return 0;
    },
    __isDelimiter: function (buf, pos, chr) {
      const { delimiter, ignore_last_delimiters } = this.options;
      if (
        ignore_last_delimiters === true &&
        this.state.record.length === this.options.columns.length - 1
      ) {
        return 0;
      } else if (
        ignore_last_delimiters !== false &&
        typeof ignore_last_delimiters === "number" &&
        this.state.record.length === ignore_last_delimiters - 1
      ) {
        return 0;
      }
      loop1: for (let i = 0; i < delimiter.length; i++) {
        const del = delimiter[i];
        if (del[0] === chr) {
          for (let j = 1; j < del.length; j++) {
            if (del[j] !== buf[pos + j]) continue loop1;
          }
          return del.length;
        }
      }
      return 0;
    },
    __isEscape: function (buf, pos, chr) {
      const { escape } = this.options;
      if (escape === null) return false;
      const l = escape.length;
      if (escape[0] === chr) {
        for (let i = 0; i < l; i++) {
          if (escape[i] !== buf[pos + i]) {
            return false;
          }
        }
        return true;
      }
      return false;
    },
    __isFloat: function (value) {
      return value - parseFloat(value) + 1 >= 0; // Borrowed from jquery
    },
    // Keep it in case we implement the `cast_int` option
    // __isInt(value){
    //   // return Number.isInteger(parseInt(value))
    //   // return !isNaN( parseInt( obj ) );
    //   return /^(\-|\+)?[1-9][0-9]*$/.test(value)
    // }
    __isQuote: function (buf, pos) {
      const { quote } = this.options;
      if (quote === null) return false;
      const l = quote.length;
      for (let i = 0; i < l; i++) {
        if (quote[i] !== buf[pos + i]) {
          return false;
        }
      }
      return true;
    },
    __isRecordDelimiter: function (chr, buf, pos) {
      const { record_delimiter } = this.options;
      const recordDelimiterLength = record_delimiter.length;
      loop1: for (let i = 0; i < recordDelimiterLength; i++) {
        const rd = record_delimiter[i];
        const rdLength = rd.length;
        if (rd[0] !== chr) {
          continue;
        }
        for (let j = 1; j < rdLength; j++) {
          if (rd[j] !== buf[pos + j]) {
            continue loop1;
          }
        }
        return rd.length;
      }
      return 0;
    },
    __autoDiscoverRecordDelimiter: function (buf, pos) {
      const { encoding } = this.options;
      // Note, we don't need to cache this information in state,
      // It is only called on the first line until we find out a suitable
      // record delimiter.
      const rds = [
        // Important, the windows line ending must be before mac os 9
        Buffer.from("\r\n", encoding),
        Buffer.from("\n", encoding),
        Buffer.from("\r", encoding),
      ];
      loop: for (let i = 0; i < rds.length; i++) {
        const l = rds[i].length;
        for (let j = 0; j < l; j++) {
          if (rds[i][j] !== buf[pos + j]) {
            continue loop;
          }
        }
        this.options.record_delimiter.push(rds[i]);
        this.state.recordDelimiterMaxLength = rds[i].length;
        return rds[i].length;
      }
      return 0;
    },
    __error: function (msg) {
      const { encoding, raw, skip_records_with_error } = this.options;
      const err = typeof msg === "string" ? new Error(msg) : msg;
      if (skip_records_with_error) {
        this.state.recordHasError = true;
        if (this.options.on_skip !== undefined) {
          try {
            this.options.on_skip(
              err,
              raw ? this.state.rawBuffer.toString(encoding) : undefined,
            );
          } catch (err) {
            return err;
          }
        }
        // this.emit('skip', err, raw ? this.state.rawBuffer.toString(encoding) : undefined);
        return undefined;
      } else {
        return err;
      }
    },
    __infoDataSet: function () {
      return {
        ...this.info,
        columns: this.options.columns,
      };
    },
    __infoRecord: function () {
      const { columns, raw, encoding } = this.options;
      return {
        ...this.__infoDataSet(),
        bytes_records: this.info.bytes,
        error: this.state.error,
        header: columns === true,
        index: this.state.record.length,
        raw: raw ? this.state.rawBuffer.toString(encoding) : undefined,
      };
    },
    __infoField: function () {
      const { columns } = this.options;
      const isColumns = Array.isArray(columns);
      // Bytes records are only incremented when all records'fields are parsed
      const bytes_records = this.info.bytes_records;
      return {
        ...this.__infoRecord(),
        bytes_records: bytes_records,
        column:
          isColumns === true
            ? columns.length > this.state.record.length
              ? columns[this.state.record.length].name
              : null
            : this.state.record.length,
        quoting: this.state.wasQuoting,
      };
    },
  };
};



;// CONCATENATED MODULE: ./node_modules/csv-parse/lib/sync.js



const parse = function (data, opts = {}) {
  if (typeof data === "string") {
    data = Buffer.from(data);
  }
  const records = opts && opts.objname ? Object.create(null) : [];
  const parser = transform(opts);
  const push = (record) => {
    if (parser.options.objname === undefined) records.push(record);
    else {
      records[record[0]] = record[1];
    }
  };
  const close = () => {};
  const error = parser.parse(data, true, push, close);
  if (error !== undefined) throw error;
  return records;
};



;// CONCATENATED MODULE: ./src/units.ts
// Size strings in and out. `MB` means what `docker images` means: decimal
// (1 MB = 1,000,000 bytes); `MiB` is binary. Both are exact.

const UNITS = {
    b: 1,
    k: 1e3,
    kb: 1e3,
    m: 1e6,
    mb: 1e6,
    g: 1e9,
    gb: 1e9,
    t: 1e12,
    tb: 1e12,
    kib: 1024,
    mib: 1024 ** 2,
    gib: 1024 ** 3,
    tib: 1024 ** 4
};
const SIZE_EXAMPLES = '25MB, 25 MiB, 1.5GB, 800kB, 2000000';
const SIZE_PATTERN = /^\s*(\d+(?:\.\d+)?|\.\d+)\s*([a-zA-Z]*)\s*$/;
/** Parses "25MB", "25 MiB", "1.5GB" or plain bytes into a whole number of bytes. */
function parseSize(text, inputName = 'size') {
    const match = SIZE_PATTERN.exec(text);
    const factor = match ? UNITS[match[2].toLowerCase() || 'b'] : undefined;
    if (!match || factor === undefined) {
        throw new UsageError(`${inputName}: cannot read '${text}' as a size; use a number with an optional unit, e.g. ${SIZE_EXAMPLES}`);
    }
    const bytes = Math.round(Number(match[1]) * factor);
    if (!Number.isSafeInteger(bytes))
        throw new UsageError(`${inputName}: '${text}' is too large`);
    return bytes;
}
/** Parses a size or a percentage ("10%", "2.5 %"). */
function parseSizeOrPercent(text, inputName) {
    const percent = /^\s*(\d+(?:\.\d+)?)\s*%\s*$/.exec(text);
    if (percent)
        return { percent: Number(percent[1]) };
    try {
        return { bytes: parseSize(text, inputName) };
    }
    catch {
        throw new UsageError(`${inputName}: cannot read '${text}' as a size or a percentage; use e.g. ${SIZE_EXAMPLES}, or 10%`);
    }
}
const DECIMAL = ['B', 'kB', 'MB', 'GB', 'TB'];
/** Formats bytes as `docker images` does (decimal, 3 significant digits): "7.58 MB". */
function formatSize(bytes) {
    const sign = bytes < 0 ? '-' : '';
    let value = Math.abs(bytes);
    let unit = 0;
    while (value >= 1000 && unit < DECIMAL.length - 1) {
        value /= 1000;
        unit++;
    }
    const text = unit === 0 ? String(value) : Number(value.toPrecision(3)).toString();
    return `${sign}${text} ${DECIMAL[unit]}`;
}
/** "+1.1 MB", "-300 kB", "±0 B". */
function formatDelta(bytes) {
    if (bytes === 0)
        return '±0 B';
    return bytes > 0 ? `+${formatSize(bytes)}` : formatSize(bytes);
}
function formatPercent(percent) {
    const rounded = Math.abs(percent) >= 10 ? percent.toFixed(0) : percent.toFixed(1);
    return `${percent > 0 ? '+' : ''}${rounded}%`;
}

;// CONCATENATED MODULE: ./src/inputs.ts
// One table of inputs: action.yml declares exactly these (a unit test checks
// it), the CLI accepts each as `--name value`, and `parseInputs` turns their
// raw strings into one typed `Inputs`, with errors that name the input.



const FAIL_ON = ['any', 'budget', 'increase', 'never'];
const BASELINES = ['auto', 'build', 'image', 'report', 'none'];
const METRICS = ['uncompressed', 'compressed'];
/** The `comment` input's values: the one list (inputs, publishing and action.yml read it). */
const COMMENT_MODES = ['always', 'on-change', 'on-exceed', 'never'];
const INPUT_SPECS = {
    context: { kind: 'string', default: '.', description: 'Build context directory.' },
    file: { kind: 'string', default: '', description: 'Path to the Dockerfile (default: `Dockerfile` in the context).' },
    target: { kind: 'string', default: '', description: 'Build stage to measure (default: the last stage).' },
    image: { kind: 'string', default: '', description: 'Measure this already-built local or registry image instead of building.' },
    'build-args': {
        kind: 'list',
        default: '',
        description: 'Build arguments, one `NAME=value` per line. A name that looks like a credential (`*_TOKEN`, `*_PASSWORD`, `*_KEY`…) is warned about and its value masked; pass credentials with `secrets`.'
    },
    'build-contexts': { kind: 'list', default: '', description: 'Additional build contexts, one `name=path` per line.' },
    platforms: { kind: 'list', default: '', description: "Platforms to build and measure one by one, e.g. `linux/amd64,linux/arm64` (default: the builder's)." },
    builder: { kind: 'string', default: '', description: 'buildx builder instance to use.' },
    'cache-from': { kind: 'list', default: '', description: 'External cache sources (`--cache-from`), one per line.' },
    'cache-to': { kind: 'list', default: '', description: 'Cache export destinations (`--cache-to`), one per line.' },
    secrets: {
        kind: 'list',
        untrimmed: true,
        default: '',
        description: 'Build secrets, one `id=value` per line; quote a value that holds newlines or commas (`"key=-----BEGIN…"`, a quote inside as `""`). Never trimmed, masked, never printed.'
    },
    'secret-files': { kind: 'list', default: '', description: 'Build secrets read from files, one `id=path` per line (`--secret id=…,src=…`); the contents are masked.' },
    'secret-envs': { kind: 'list', default: '', description: 'Build secrets taken from environment variables, one `id=VARIABLE` per line (`--secret id=…,env=…`); the values are masked.' },
    labels: { kind: 'list', default: '', description: 'Image labels, one `key=value` per line.' },
    budget: { kind: 'size', default: '', description: 'Size budget, e.g. `25MB`, `25 MiB`, `1.5GB` or plain bytes (MB as `docker images`: 1,000,000 bytes).' },
    'budget-metric': {
        kind: 'enum',
        values: METRICS,
        default: 'uncompressed',
        description: 'Which size the budget and limits apply to: `uncompressed` (as `docker images`) or `compressed` (as a registry stores it).'
    },
    'warn-at': { kind: 'size', default: '', description: 'Warn from this size on, as a size or a percentage of the budget (e.g. `90%`).' },
    'max-increase': { kind: 'size', default: '', description: 'Largest allowed growth against the baseline, as a size (`2MB`) or a percentage (`10%`).' },
    'min-delta': { kind: 'size', default: '', description: 'Noise floor: a change smaller than this (size or percentage) is reported as unchanged.' },
    'fail-on': { kind: 'enum', values: FAIL_ON, default: 'any', description: 'What fails the job: `any` (budget or max-increase), `budget`, `increase` or `never`.' },
    baseline: { kind: 'enum', values: BASELINES, default: 'auto', description: 'Where the comparison size comes from: `auto`, `build` (build the base ref), `image`, `report` or `none`.' },
    'base-ref': { kind: 'string', default: '', description: "Git ref to compare with (default: the pull request's base, or the push's previous commit)." },
    'baseline-image': { kind: 'string', default: '', description: 'Registry image to compare with, measured from its manifest without pulling layers.' },
    'baseline-report': { kind: 'string', default: '', description: 'Report JSON written by an earlier run to compare with.' },
    'previous-report': { kind: 'string', default: '', description: "Report JSON of this pull request's previous run, whose size trend is carried forward (the sticky comment carries it otherwise)." },
    'verify-suggestion': {
        kind: 'enum',
        values: ['auto', 'true', 'false'],
        default: 'auto',
        description: 'Build the suggested Dockerfile to prove its size and that it starts (offline): `auto` (when the budget is exceeded or warns, or no budget is set and findings claim savings), `true` or `false`. A proof from an earlier push is carried while nothing it depends on changed.'
    },
    'verify-command': {
        kind: 'string',
        default: '',
        description: 'Command run in the suggested image to prove it works beyond starting, as its entrypoint without a shell (e.g. `/app/main --version`); must exit 0.'
    },
    'dockerfile-only': {
        kind: 'boolean',
        default: 'false',
        description: 'Only check the Dockerfile (and .dockerignore, go.mod, the Go sources and vendor/) with the rules that need no build; no Docker needed, findings carry no savings.'
    },
    comment: {
        kind: 'enum',
        values: COMMENT_MODES,
        default: 'always',
        description: 'Sticky pull-request comment: `always`, `on-change` (only when the size moved beyond `min-delta` or the verdict changed), `on-exceed` (only over budget or warned; an existing comment is kept current) or `never`. `true`/`false` mean `always`/`never`.'
    },
    'comment-key': {
        kind: 'string',
        default: '',
        description: 'Distinguishes comments of several images in one pull request (e.g. a matrix). The report records it: it names the image in a comment that shows several.'
    },
    report: {
        kind: 'list',
        default: '',
        description: 'Publish stored report JSON instead of building (the job after a matrix, or a fork-safe `workflow_run` job): one path or glob per line, e.g. `image-size/*.json`. Several reports make one comment with a row per image.'
    },
    bake: {
        kind: 'string',
        default: '',
        description: 'Build the targets of this bake file (`docker-bake.hcl`, `compose.yaml`) in one `docker buildx bake` run, measure each, and comment once with a row per image. Paths in it are relative to the workspace.'
    },
    'bake-targets': { kind: 'list', default: '', description: "Bake targets (or groups) to build, one per line or comma-separated (default: the bake file's `default` group)." },
    'history-length': { kind: 'string', default: '20', description: 'How many pushes the size trend keeps.' },
    'allow-untrusted-build': { kind: 'boolean', default: 'false', description: 'Build pull-request code on `pull_request_target`/`workflow_run` (unsafe with a write token).' },
    cleanup: { kind: 'boolean', default: 'false', description: 'Remove the images this run built when it ends.' },
    'github-token': { kind: 'string', default: '${{ github.token }}', description: 'Token used to post the comment.' },
    json: { kind: 'string', default: '', description: 'Also write the report JSON to this path.' },
    markdown: { kind: 'string', default: '', description: 'Also write the comment markdown to this path.' }
};
/** `NAME=value` build args as a map, for resolving `FROM ${NAME}` in the Dockerfile. */
function buildArgMap(buildArgs) {
    const map = {};
    for (const arg of buildArgs) {
        const eq = arg.indexOf('=');
        if (eq > 0)
            map[arg.slice(0, eq)] = arg.slice(eq + 1);
    }
    return map;
}
/**
 * A list input read as docker/build-push-action reads it (actions-toolkit's
 * Util.getInputList): each line is a CSV record, so a value quoted with `"`
 * may hold commas and newlines, and `""` is a quote inside it; an unquoted
 * quote is kept as it is. Blank lines are skipped, and so is a line that
 * starts with `#` outside quotes (a `#` inside a value is kept). Errors name
 * the input and the entry, never the text, which may be a secret.
 */
function parseList(text, name = 'list', { commaSeparates = false, trim = true } = {}) {
    // Repeated CLI flags: each occurrence is read on its own, so a quote cannot run into the next one.
    if (Array.isArray(text))
        return text.flatMap((part) => parseList(part, name, { commaSeparates, trim }));
    if (text === '')
        return [];
    let records;
    try {
        records = parse(text, { columns: false, relaxQuotes: true, relaxColumnCount: true, skipEmptyLines: true, comment: '#', comment_no_infix: true });
    }
    catch (error) {
        const { code, records: before } = error;
        const entry = typeof before === 'number' ? ` entry ${before + 1}` : '';
        if (code === 'CSV_QUOTE_NOT_CLOSED') {
            throw new UsageError(`${name}:${entry} opens a quote that is never closed; end the quoted value with ", and write a quote inside it as ""`);
        }
        throw new UsageError(`${name}:${entry} cannot be read as a CSV line (${code ?? 'unreadable'}); quote a value that holds commas, quotes or newlines`);
    }
    const entries = records.flatMap((fields) => (commaSeparates ? fields.flatMap((f) => f.split(',')) : [fields.join(',')]));
    return entries.map((e) => (trim ? e.trim() : e)).filter((e) => e.trim() !== '');
}
/** Splits `id=value` entries, naming the input and the entry (never the value) when one is not of that form. */
function parsePairs(entries, name, form) {
    return entries.map((entry, i) => {
        const eq = entry.indexOf('=');
        const id = eq > 0 ? entry.slice(0, eq).trim() : '';
        const value = eq > 0 ? entry.slice(eq + 1) : '';
        if (id === '' || value.trim() === '') {
            const hint = name === 'secrets' ? ' (quote a value that spans lines: "id=…")' : '';
            throw new UsageError(`${name}: entry ${i + 1} is not '${form}'${hint}`);
        }
        return { id, value };
    });
}
// Name segments that mark a credential (NPM_TOKEN, dbPassword, AWS_SECRET_ACCESS_KEY), and last
// segments that name something about one rather than the credential itself (TOKEN_FILE, KEY_ID,
// SECRET_NAME). Whole segments only: KEYBOARD, MONKEY, TOKENIZER are not credentials.
const CREDENTIAL_WORDS = new Set([
    'TOKEN',
    'TOKENS',
    'PASSWORD',
    'PASSWORDS',
    'PASSWD',
    'PASS',
    'PASSPHRASE',
    'SECRET',
    'SECRETS',
    'KEY',
    'KEYS',
    'APIKEY',
    'CREDENTIAL',
    'CREDENTIALS',
    'CREDS',
    'PAT'
]);
const DESCRIPTOR_WORDS = new Set(['FILE', 'PATH', 'DIR', 'URL', 'URI', 'ENDPOINT', 'HOST', 'NAME', 'ID', 'TYPE', 'LENGTH', 'LEN', 'SIZE', 'VAR', 'ENV', 'MODE']);
/** Whether a build-arg name looks like it carries a credential (a build argument stays in the image's history). */
function looksLikeCredential(name) {
    const segments = name
        .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
        .toUpperCase()
        .split(/[^A-Z0-9]+/)
        .filter(Boolean);
    // A public key is no secret.
    const credential = segments.some((s, i) => CREDENTIAL_WORDS.has(s) && !(s.startsWith('KEY') && segments[i - 1] === 'PUBLIC'));
    return credential && !DESCRIPTOR_WORDS.has(segments[segments.length - 1]);
}
const credentialWarning = (name) => `build-args: ${name} looks like a credential; pass it with 'secrets' (a build argument is kept in the image's history). Its value is masked.`;
/** The build-arg names that look like credentials, in input order. */
function credentialBuildArgs(buildArgs) {
    return buildArgs.map((arg) => arg.split('=')[0].trim()).filter(looksLikeCredential);
}
function parseBoolean(text, name) {
    const value = text.trim().toLowerCase();
    if (['true', 'yes', '1', 'on'].includes(value))
        return true;
    if (['false', 'no', '0', 'off', ''].includes(value))
        return false;
    throw new UsageError(`${name}: expected true or false, got '${text}'`);
}
function parseEnum(text, name, values) {
    const value = text.trim().toLowerCase();
    if (values.includes(value))
        return value;
    throw new UsageError(`${name}: '${text}' is not one of ${values.join(', ')}`);
}
function parseCount(text, name) {
    const value = Number(text.trim());
    if (!Number.isInteger(value) || value < 1)
        throw new UsageError(`${name}: expected a whole number of at least 1, got '${text}'`);
    return value;
}
/** `comment` was a boolean once; `true`/`false` still mean `always`/`never`. */
function parseCommentMode(text) {
    const value = text.trim().toLowerCase();
    if (['true', 'yes', 'on'].includes(value))
        return 'always';
    if (['false', 'no', 'off'].includes(value))
        return 'never';
    return parseEnum(text, 'comment', COMMENT_MODES);
}
const orNull = (text) => (text.trim() === '' ? null : text.trim());
/** Reads every input through `raw` (which returns '' for unset) and validates it. */
function parseInputs(raw) {
    const text = (name) => {
        const value = raw(name);
        const unset = Array.isArray(value) ? value.length === 0 : value === '';
        return unset ? (INPUT_SPECS[name].default ?? '') : value;
    };
    // A scalar input given several times (a repeated CLI flag): the last one counts.
    const get = (name) => {
        const value = text(name);
        return Array.isArray(value) ? (value[value.length - 1] ?? '') : value;
    };
    const list = (name, options = {}) => parseList(text(name), name, options);
    const sizeOrPercent = (name) => (get(name).trim() === '' ? null : parseSizeOrPercent(get(name), name));
    const token = get('github-token');
    const secrets = list('secrets', { trim: false });
    parsePairs(secrets, 'secrets', 'id=value');
    return {
        context: get('context').trim() || '.',
        file: orNull(get('file')),
        target: orNull(get('target')),
        image: orNull(get('image')),
        buildArgs: list('build-args'),
        buildContexts: list('build-contexts'),
        platforms: list('platforms', { commaSeparates: true }),
        builder: orNull(get('builder')),
        cacheFrom: list('cache-from'),
        cacheTo: list('cache-to'),
        secrets,
        secretFiles: parsePairs(list('secret-files'), 'secret-files', 'id=path').map(({ id, value }) => ({ id, path: value.trim() })),
        // Like build-push-action, a comma separates secret-envs entries (a variable name holds none).
        secretEnvs: parsePairs(list('secret-envs', { commaSeparates: true }), 'secret-envs', 'id=VARIABLE').map(({ id, value }) => ({ id, env: value.trim() })),
        labels: list('labels'),
        budget: get('budget').trim() === '' ? null : parseSize(get('budget'), 'budget'),
        budgetMetric: parseEnum(get('budget-metric'), 'budget-metric', METRICS),
        warnAt: sizeOrPercent('warn-at'),
        maxIncrease: sizeOrPercent('max-increase'),
        minDelta: sizeOrPercent('min-delta'),
        failOn: parseEnum(get('fail-on'), 'fail-on', FAIL_ON),
        baseline: parseEnum(get('baseline'), 'baseline', BASELINES),
        baseRef: orNull(get('base-ref')),
        baselineImage: orNull(get('baseline-image')),
        baselineReport: orNull(get('baseline-report')),
        previousReport: orNull(get('previous-report')),
        verifySuggestion: parseEnum(get('verify-suggestion'), 'verify-suggestion', ['auto', 'true', 'false']),
        verifyCommand: orNull(get('verify-command')),
        dockerfileOnly: parseBoolean(get('dockerfile-only'), 'dockerfile-only'),
        comment: parseCommentMode(get('comment')),
        commentKey: get('comment-key').trim(),
        report: list('report'),
        bake: orNull(get('bake')),
        bakeTargets: list('bake-targets', { commaSeparates: true }),
        historyLength: parseCount(get('history-length'), 'history-length'),
        allowUntrustedBuild: parseBoolean(get('allow-untrusted-build'), 'allow-untrusted-build'),
        cleanup: parseBoolean(get('cleanup'), 'cleanup'),
        githubToken: token.startsWith('${{') ? null : orNull(token),
        json: orNull(get('json')),
        markdown: orNull(get('markdown'))
    };
}

;// CONCATENATED MODULE: ./src/redact.ts
// Redaction, in one place. Secret values must never reach a log, a report, a
// comment or an annotation. On GitHub, core.setSecret masks the runner's log;
// this covers everything else (CLI output, report JSON, comment bodies, error
// messages): which values are secret (from the inputs), the redactor, a logger
// that redacts whole lines (build progress arrives in arbitrary chunks, so a
// secret split across two chunks is still caught), and deep copies of reports.
// The entry points (main.ts, cli.ts) only call redactionFor and these helpers.


function createRedactor(values) {
    // Longest first, so a secret containing another is replaced whole; very short
    // values would mangle ordinary text, and the runner masks those anyway.
    const secrets = [...new Set([...values].filter((v) => v.length >= 3 && !/^\**$/.test(v)))].sort((a, b) => b.length - a.length);
    if (secrets.length === 0)
        return (text) => text;
    const hide = (text, secret) => {
        // The mask itself can complete a new occurrence ("*a*" in "*a*a*"): repeat until none is left.
        let out = text;
        while (out.includes(secret))
            out = out.split(secret).join('***');
        return out;
    };
    return (text) => secrets.reduce(hide, text);
}
/** The values of `id=value` secret entries (what must be hidden), plus each value's lines. */
function secretValues(secrets) {
    return withLines(secrets.map((entry) => entry.slice(entry.indexOf('=') + 1)));
}
/** Each value, and each of its lines (a line of a multi-line value may be printed alone). */
function withLines(raw) {
    const values = [];
    for (const value of raw) {
        if (!value.trim())
            continue;
        values.push(value);
        // A printed copy may lose the surrounding whitespace, or show one line of the value alone.
        for (const part of [value.trim(), ...value.split(/\r?\n/).map((line) => line.trim())])
            if (part && part !== value)
                values.push(part);
    }
    return [...new Set(values)];
}
/**
 * Everything that must be hidden: `secrets` values, the contents of
 * `secret-files`, the values of the `secret-envs` variables, and the values of
 * build args whose names look like credentials.
 */
function inputSecretValues(inputs, sources) {
    const credentialArgs = new Set(credentialBuildArgs(inputs.buildArgs));
    const raw = [
        ...inputs.secrets.map((entry) => entry.slice(entry.indexOf('=') + 1)),
        ...inputs.secretFiles.map((f) => sources.readFile(external_node_path_default().resolve(sources.workspace, f.path)) ?? ''),
        ...inputs.secretEnvs.map((e) => sources.env[e.env] ?? ''),
        // `NAME` alone: buildx takes the value from the environment.
        ...inputs.buildArgs.filter((arg) => credentialArgs.has(arg.split('=')[0].trim())).map((arg) => (arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : (sources.env[arg.trim()] ?? '')))
    ];
    return withLines(raw);
}
/** The secret values named by the inputs and the redactor that hides them. */
function redactionFor(inputs, sources) {
    const values = inputSecretValues(inputs, sources);
    return { values, redact: createRedactor(values) };
}
/**
 * A logger that hides secret values. Debug text (build progress) is held until
 * its line is complete, so a value split across chunks is still hidden; the
 * held part is written when anything else is logged or a group ends.
 */
function redactingLogger(inner, redact) {
    let pending = '';
    const flush = () => {
        if (pending === '')
            return;
        const text = pending;
        pending = '';
        inner.debug(redact(text));
    };
    return {
        info: (m) => {
            flush();
            inner.info(redact(m));
        },
        warning: (m) => {
            flush();
            inner.warning(redact(m));
        },
        debug: (m) => {
            pending += m;
            const nl = pending.lastIndexOf('\n');
            if (nl < 0) {
                // A line without an end for a long time: never hold more than 64 KiB.
                if (pending.length > 65536)
                    flush();
                return;
            }
            const complete = pending.slice(0, nl + 1);
            pending = pending.slice(nl + 1);
            inner.debug(redact(complete));
        },
        group: async (name, fn) => {
            flush();
            try {
                return await inner.group(redact(name), fn);
            }
            finally {
                flush();
            }
        },
        flush
    };
}
/** A deep copy of `value` with every string (keys included) redacted. */
function redactDeep(value, redact) {
    const walk = (v) => {
        if (typeof v === 'string')
            return redact(v);
        if (Array.isArray(v))
            return v.map(walk);
        if (v && typeof v === 'object') {
            const out = {};
            for (const [k, x] of Object.entries(v))
                out[redact(k)] = walk(x);
            return out;
        }
        return v;
    };
    return walk(value);
}

;// CONCATENATED MODULE: ./src/baseline/build.ts
// Baseline by building the base commit: a worktree of it outside both build
// contexts, the same build inputs (so BuildKit's content-addressed cache
// serves every step the two commits share), measured the same way, then the
// worktree is removed. A base without the Dockerfile, or whose build fails,
// is "no baseline: …", never a failed job.




const within = (root, p) => {
    const rel = external_node_path_default().relative(root, p);
    return rel === '..' || rel.startsWith(`..${(external_node_path_default()).sep}`) || external_node_path_default().isAbsolute(rel) ? null : rel;
};
async function baselineFromBuild(req, build, deps) {
    const name = req.base.ref ?? req.base.sha?.slice(0, 12) ?? 'base';
    const none = (error, commit = null) => ({
        baseline: { source: 'build', ref: req.base.ref, commit, size: null, layers: [], error: `no baseline: ${error}` },
        log: null
    });
    const contextRel = within(req.repoRoot, req.context);
    const dockerfileRel = within(req.repoRoot, req.dockerfile);
    if (contextRel === null || dockerfileRel === null) {
        return none(`the build context or Dockerfile lies outside the git repository ${req.repoRoot}, so the base commit cannot provide it`);
    }
    let commit;
    try {
        commit = (await resolveBaseCommit(req.repoRoot, req.base, deps.exec)).commit;
    }
    catch (error) {
        return none(errorMessage(error).split('\n')[0]);
    }
    const short = commit.slice(0, 7);
    // The Dockerfile's own ignore file (BuildKit reads `<Dockerfile>.dockerignore`) may live outside the context.
    const same = await sameContentAsWorkingTree(req.repoRoot, commit, [contextRel, dockerfileRel, `${dockerfileRel}.dockerignore`], deps.exec);
    // pull_request_target checks out the base by default: comparing it with itself would say nothing.
    // (The base commit checked out with local changes is a comparison: `--base-ref HEAD`.)
    if (same && (await checkedOutCommit(req.repoRoot, deps.exec)) === commit) {
        return none(`the checkout is the base commit ${name} (${short}) itself, not the change to measure; on pull_request_target check out the pull request's head (ref: \${{ github.event.pull_request.head.sha }})`, commit);
    }
    if (req.head && same) {
        deps.log.info(`The base ${name} (${short}) has the same build context and Dockerfile: not built again`);
        return {
            baseline: {
                source: 'build',
                ref: req.base.ref,
                commit,
                size: { uncompressed: req.head.size.uncompressed, compressed: req.head.size.compressed },
                layers: req.head.layers,
                error: null,
                digest: req.head.imageId,
                platform: req.head.platform,
                note: `${name} (${short}) has the same build context and Dockerfile as this commit, so its image is this one; it was not built again`
            },
            log: null
        };
    }
    try {
        return await withWorktree(req.repoRoot, commit, deps.tempDir, deps.exec, async (dir) => {
            const context = external_node_path_default().join(dir, contextRel);
            const dockerfile = external_node_path_default().join(dir, dockerfileRel);
            if (!(0,external_node_fs_namespaceObject.existsSync)(context) || !(0,external_node_fs_namespaceObject.statSync)(context).isDirectory())
                return none(`${name} (${short}) has no directory ${contextRel || '.'}`, commit);
            if (!(0,external_node_fs_namespaceObject.existsSync)(dockerfile))
                return none(`${name} (${short}) has no Dockerfile at ${dockerfileRel}`, commit);
            deps.log.info(`Building the base ${name} (${short}) from a worktree`);
            let built;
            try {
                built = await build({ context, dockerfile, platform: req.platform });
            }
            catch (error) {
                const detail = error instanceof CommandError && error.detail ? error.detail.split('\n').slice(-1)[0] : errorMessage(error).split('\n')[0];
                return none(`the build of ${name} (${short}) failed: ${detail}`, commit);
            }
            return {
                baseline: {
                    source: 'build',
                    ref: req.base.ref,
                    commit,
                    size: { uncompressed: built.size.uncompressed, compressed: built.size.compressed },
                    layers: built.layers,
                    error: null,
                    digest: built.imageId,
                    platform: built.platform
                },
                log: built.log
            };
        });
    }
    catch (error) {
        return none(errorMessage(error).split('\n')[0], commit);
    }
}

;// CONCATENATED MODULE: ./src/registry/registry.ts
// Reading an image from a registry without pulling its layers: the manifest
// (exact compressed layer sizes and digests) and the config (diff ids and
// history). Speaks the distribution API (Docker v2 and OCI media types,
// manifest lists and OCI indexes resolved by platform), anonymous or with a
// Bearer/Basic challenge, credentials from ~/.docker/config.json `auths`.
//
// A registry never states uncompressed sizes: those need the layers themselves
// (or a stored report). What it has is exposed as is.





/** A registry lookup that failed; `kind` says whether to fix the network, credentials or the name. */
class RegistryError extends EnvironmentError {
    kind;
    name = 'RegistryError';
    constructor(kind, message) {
        super(message);
        this.kind = kind;
    }
}
const DOCKER_HUB = 'docker.io';
/** Splits `[host[:port]/]path[:tag][@digest]` the way Docker normalises names. */
function parseReference(ref) {
    let rest = ref.trim();
    let digest = null;
    const at = rest.indexOf('@');
    if (at >= 0) {
        digest = rest.slice(at + 1);
        rest = rest.slice(0, at);
    }
    let tag = null;
    const lastSlash = rest.lastIndexOf('/');
    const colon = rest.lastIndexOf(':');
    if (colon > lastSlash) {
        tag = rest.slice(colon + 1);
        rest = rest.slice(0, colon);
    }
    const parts = rest.split('/');
    let registry = DOCKER_HUB;
    if (parts.length > 1 && (parts[0].includes('.') || parts[0].includes(':') || parts[0] === 'localhost')) {
        registry = parts.shift();
    }
    const component = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
    let repository = parts.join('/');
    if (!parts.every((p) => component.test(p)) || (tag !== null && !/^[\w][\w.-]{0,127}$/.test(tag)) || (digest !== null && !/^[a-z0-9]+:[a-f0-9]{32,}$/.test(digest))) {
        throw new RegistryError('not-found', `image: '${ref}' is not a valid image reference; write it as host/name:tag`);
    }
    if (registry === DOCKER_HUB && !repository.includes('/'))
        repository = `library/${repository}`;
    return { registry, repository, reference: digest ?? tag ?? 'latest' };
}
/** Plain http for the local machine (as dockerd's default insecure 127.0.0.0/8), https otherwise. */
function registryBaseUrl(registry) {
    const host = registry === DOCKER_HUB ? 'registry-1.docker.io' : registry;
    const hostname = host.replace(/:\d+$/, '');
    const local = hostname === 'localhost' || /^127\./.test(hostname) || hostname === '[::1]';
    return `${local ? 'http' : 'https'}://${host}`;
}
const MEDIA = {
    dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
    dockerList: 'application/vnd.docker.distribution.manifest.list.v2+json',
    ociManifest: 'application/vnd.oci.image.manifest.v1+json',
    ociIndex: 'application/vnd.oci.image.index.v1+json'
};
const ACCEPT = [MEDIA.dockerManifest, MEDIA.dockerList, MEDIA.ociManifest, MEDIA.ociIndex].join(', ');
/** `linux/amd64` for this machine, as the default when an index has several platforms. */
function hostPlatform() {
    const arch = { x64: 'amd64', arm64: 'arm64', arm: 'arm', ia32: '386', ppc64: 'ppc64le', s390x: 's390x' };
    return `linux/${arch[process.arch] ?? process.arch}`;
}
/** Picks the manifest for `platform` (os/arch[/variant]) from an index; attestation entries never match. */
function selectPlatform(manifests, platform) {
    const [os_, arch, variant] = platform.split('/');
    const candidates = manifests.filter((m) => m.platform?.os === os_ && m.platform?.architecture === arch);
    if (variant)
        return candidates.find((m) => m.platform?.variant === variant) ?? null;
    // arm64 images are often marked variant v8; accept any variant when none was asked for.
    return candidates.find((m) => !m.platform?.variant) ?? candidates[0] ?? null;
}
/** Credentials for `registry` from the Docker client config's `auths` (credential helpers are not consulted). */
async function loadCredentials(registry, configPath) {
    const file = configPath ?? external_node_path_default().join(process.env.DOCKER_CONFIG || external_node_path_default().join(external_node_os_default().homedir(), '.docker'), 'config.json');
    let auths;
    try {
        auths = JSON.parse(await (0,promises_namespaceObject.readFile)(file, 'utf8')).auths ?? {};
    }
    catch {
        return null;
    }
    const keys = registry === DOCKER_HUB ? ['https://index.docker.io/v1/', 'index.docker.io', DOCKER_HUB] : [registry];
    for (const [key, entry] of Object.entries(auths)) {
        const host = key.replace(/^https?:\/\//, '').replace(/\/.*$/, '');
        if (!keys.includes(key) && !keys.includes(host))
            continue;
        if (entry.identitytoken) {
            const username = entry.auth ? Buffer.from(entry.auth, 'base64').toString('utf8').split(':')[0] : (entry.username ?? '');
            return { identityToken: entry.identitytoken, username };
        }
        if (entry.auth)
            return { basic: entry.auth };
        if (entry.username && entry.password)
            return { basic: Buffer.from(`${entry.username}:${entry.password}`).toString('base64') };
    }
    return null;
}
/** Parses `Bearer realm="…",service="…",scope="…"` (or `Basic realm=…`). */
function parseChallenge(header) {
    const space = header.indexOf(' ');
    const scheme = (space < 0 ? header : header.slice(0, space)).toLowerCase();
    const params = {};
    const re = /(\w+)="([^"]*)"|(\w+)=([^,\s]*)/g;
    for (let m = re.exec(header.slice(space + 1)); m; m = re.exec(header.slice(space + 1))) {
        params[(m[1] ?? m[3]).toLowerCase()] = m[2] ?? m[4];
    }
    return { scheme, params };
}
class RegistryClient {
    image;
    ref;
    credentials;
    authorization = null;
    fetch;
    base;
    constructor(image, ref, credentials, fetchFn, base) {
        this.image = image;
        this.ref = ref;
        this.credentials = credentials;
        this.fetch = fetchFn;
        this.base = base ?? registryBaseUrl(image.registry);
    }
    async get(pathname, accept) {
        const url = `${this.base}/v2/${this.image.repository}/${pathname}`;
        let response = await this.request(url, accept);
        if (response.status === 401 && !this.authorization) {
            await this.authenticate(response.headers.get('www-authenticate') ?? '');
            response = await this.request(url, accept);
        }
        if (response.status === 401 || response.status === 403) {
            throw new RegistryError('unauthorized', `${this.ref}: the registry ${this.image.registry} refused access (HTTP ${response.status}); run 'docker login ${this.image.registry}' with an account that can pull it`);
        }
        if (response.status === 404) {
            throw new RegistryError('not-found', `${this.ref}: not found in ${this.image.registry} (no ${pathname.split('/')[0]} ${pathname.split('/')[1]}); check the name and tag`);
        }
        if (!response.ok) {
            throw new RegistryError('unreachable', `${this.ref}: ${this.image.registry} answered HTTP ${response.status} for ${pathname}`);
        }
        return response;
    }
    async request(url, accept) {
        const headers = { accept };
        if (this.authorization)
            headers.authorization = this.authorization;
        try {
            return await this.fetch(url, { headers, redirect: 'follow' });
        }
        catch (error) {
            const cause = error.cause;
            throw new RegistryError('unreachable', `${this.ref}: cannot reach the registry at ${this.base} (${cause?.code ?? cause?.message ?? error.message}); check the name and the network`);
        }
    }
    async authenticate(header) {
        const { scheme, params } = parseChallenge(header);
        if (scheme === 'basic') {
            if (!this.credentials || !('basic' in this.credentials))
                return;
            this.authorization = `Basic ${this.credentials.basic}`;
            return;
        }
        if (scheme !== 'bearer' || !params.realm)
            return;
        const url = new URL(params.realm);
        if (params.service)
            url.searchParams.set('service', params.service);
        url.searchParams.set('scope', params.scope ?? `repository:${this.image.repository}:pull`);
        const headers = {};
        let response;
        try {
            if (this.credentials && 'identityToken' in this.credentials) {
                // OAuth2 refresh-token grant, as the Docker client does for identity tokens.
                const body = new URLSearchParams({
                    grant_type: 'refresh_token',
                    refresh_token: this.credentials.identityToken,
                    service: params.service ?? '',
                    scope: url.searchParams.get('scope') ?? '',
                    client_id: 'go-image-budget'
                });
                response = await this.fetch(params.realm, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
            }
            else {
                if (this.credentials)
                    headers.authorization = `Basic ${this.credentials.basic}`;
                response = await this.fetch(url, { headers });
            }
        }
        catch (error) {
            throw new RegistryError('unreachable', `${this.ref}: cannot reach the token service ${url.origin} (${error.message})`);
        }
        if (!response.ok) {
            throw new RegistryError('unauthorized', `${this.ref}: the token service of ${this.image.registry} refused access (HTTP ${response.status}); run 'docker login ${this.image.registry}'`);
        }
        const token = (await response.json());
        const value = token.token ?? token.access_token;
        if (value)
            this.authorization = `Bearer ${value}`;
    }
}
/**
 * Fetches the manifest (resolving an index by `platform`, default this machine's)
 * and the config of `ref`.
 */
async function fetchRegistryImage(ref, platform, deps = {}) {
    const image = parseReference(ref);
    const credentials = await loadCredentials(image.registry, deps.dockerConfigPath);
    // Docker Hub names go through the engine's mirrors first, as its pulls do (a mirror serves them anonymously).
    if (image.registry === DOCKER_HUB) {
        for (const mirror of deps.mirrors ?? []) {
            try {
                return await fetchFrom(new RegistryClient(image, ref, null, deps.fetch ?? fetch, mirror.replace(/\/+$/, '')), image, ref, platform);
            }
            catch {
                // The mirror lacks it or is down: the next mirror, then Docker Hub itself.
            }
        }
    }
    return fetchFrom(new RegistryClient(image, ref, credentials, deps.fetch ?? fetch), image, ref, platform);
}
async function fetchFrom(client, image, ref, platform) {
    let response = await client.get(`manifests/${image.reference}`, ACCEPT);
    let body = await response.text();
    let manifestDigest = response.headers.get('docker-content-digest') ?? sha256(body);
    let doc = JSON.parse(body);
    let mediaType = doc.mediaType ?? response.headers.get('content-type') ?? '';
    const wanted = platform ?? hostPlatform();
    if (doc.manifests) {
        const chosen = selectPlatform(doc.manifests, wanted);
        if (!chosen) {
            const available = doc.manifests.map((m) => [m.platform?.os, m.platform?.architecture, m.platform?.variant].filter(Boolean).join('/')).filter((p) => p && !p.startsWith('unknown'));
            throw new RegistryError('not-found', `${ref}: no ${wanted} image in its index (it has ${available.join(', ') || 'none'}); set 'platforms' to one of them`);
        }
        response = await client.get(`manifests/${chosen.digest}`, chosen.mediaType || ACCEPT);
        manifestDigest = chosen.digest;
        body = await response.text();
        doc = JSON.parse(body);
        mediaType = doc.mediaType ?? chosen.mediaType;
    }
    if (!doc.config || !doc.layers) {
        throw new RegistryError('unsupported', `${ref}: unsupported manifest type '${mediaType}' (expected a Docker v2 or OCI image manifest)`);
    }
    const config = (await (await client.get(`blobs/${doc.config.digest}`, '*/*')).json());
    const diffIds = config.rootfs?.diff_ids ?? [];
    if (diffIds.length !== doc.layers.length) {
        throw new RegistryError('unsupported', `${ref}: the manifest lists ${doc.layers.length} layers but the config ${diffIds.length}`);
    }
    return {
        ref,
        manifestDigest,
        platform: [config.os, config.architecture, config.variant].filter(Boolean).join('/') || wanted,
        layers: doc.layers.map((l) => ({ digest: l.digest, size: l.size, mediaType: l.mediaType })),
        config: { diffIds, history: config.history ?? [] }
    };
}
const sha256 = (text) => `sha256:${(0,external_node_crypto_namespaceObject.createHash)('sha256').update(text).digest('hex')}`;

;// CONCATENATED MODULE: ./src/baseline/image.ts
// Baseline from a registry image (e.g. the one main last pushed), measured
// from its manifest and config without pulling a layer. The manifest states
// exact compressed sizes; an uncompressed size needs the layers, so it is
// absent and the comparison falls back to compressed sizes, saying so.


const REGISTRY_NOTE = 'a registry manifest has compressed sizes only (layers are not pulled); compared on compressed size';
/** Pairs non-empty history entries with layers, as the image config defines them. */
function layersFromRegistry(image) {
    const steps = image.config.history.filter((h) => !h.empty_layer);
    // Old images may lack history; then the instruction is unknown.
    const aligned = steps.length === image.layers.length;
    return image.layers.map((layer, index) => ({
        index,
        diffId: image.config.diffIds[index],
        instruction: aligned ? (steps[index].created_by ?? '') : '',
        dockerfileLine: null,
        stage: null,
        fromBaseImage: false,
        uncompressed: null,
        compressed: layer.size
    }));
}
function baselineFromRegistryImage(image) {
    return {
        source: 'image',
        ref: image.ref,
        commit: null,
        size: { uncompressed: null, compressed: image.layers.reduce((sum, l) => sum + l.size, 0) },
        layers: layersFromRegistry(image),
        error: null,
        digest: image.manifestDigest,
        platform: image.platform,
        note: REGISTRY_NOTE
    };
}
async function baselineFromRegistry(ref, platform, deps = {}) {
    try {
        return baselineFromRegistryImage(await fetchRegistryImage(ref, platform, deps));
    }
    catch (error) {
        return { source: 'image', ref, commit: null, size: null, layers: [], error: `no baseline: baseline-image ${errorMessage(error)}` };
    }
}

;// CONCATENATED MODULE: ./src/baseline/index.ts
// Choosing and fetching the baseline: `auto` takes an image if given, else a
// report if given, else builds the base ref; `none` compares with nothing.




/**
 * The source to use. A misconfiguration (`image` without `baseline-image`) is
 * a usage error found before any build.
 */
function chooseSource(inputs) {
    switch (inputs.baseline) {
        case 'none':
            return 'none';
        case 'image':
            if (!inputs.baselineImage)
                throw new UsageError("baseline: 'image' needs baseline-image, the registry reference to compare with (e.g. ghcr.io/owner/app:main)");
            return 'image';
        case 'report':
            if (!inputs.baselineReport)
                throw new UsageError("baseline: 'report' needs baseline-report, the path of a report JSON from an earlier run");
            return 'report';
        case 'build':
            return 'build';
        case 'auto':
            return inputs.baselineImage ? 'image' : inputs.baselineReport ? 'report' : 'build';
    }
}
/** The report's baseline when there is none to compare with: the one literal of it. */
const NO_BASELINE = { source: 'none', ref: null, commit: null, size: null, layers: [], error: null };
async function fetchBaseline(req, deps) {
    const result = (baseline, history = [], buildLog = null) => ({ baseline, history, buildLog });
    switch (req.source) {
        case 'none':
            return result(NO_BASELINE);
        case 'image':
            return result(await baselineFromRegistry(req.baselineImage, req.platform, deps.registry));
        case 'report': {
            const stored = await baselineFromReportFile(req.baselineReport, req.platform);
            return result(stored.baseline, stored.history);
        }
        case 'build': {
            const none = (error) => result({ ...NO_BASELINE, source: 'build', error: `no baseline: ${error}` });
            if (!req.base) {
                return req.auto ? result(NO_BASELINE) : none('no base ref: not a pull_request or push event; set base-ref (e.g. main)');
            }
            if (!req.build)
                return none('an image given with `image` was not built here, so the base cannot be built the same way; set baseline-image or baseline-report');
            if (!req.build.repoRoot)
                return none('the build context is not in a git repository');
            const built = await baselineFromBuild({ repoRoot: req.build.repoRoot, context: req.build.context, dockerfile: req.build.dockerfile, base: req.base, platform: req.platform, head: req.head }, deps.buildAndMeasure, deps);
            return result(built.baseline, [], built.log);
        }
    }
}

;// CONCATENATED MODULE: ./src/compare/compare.ts
const otherMetric = (metric) => (metric === 'uncompressed' ? 'compressed' : 'uncompressed');
const difference = (head, base) => (head === null || base === null ? null : head - base);
/** Percent change; 0 when the base is 0 (no meaningful ratio). */
function percentChange(head, base) {
    return base === 0 ? 0 : ((head - base) / base) * 100;
}
/**
 * The noise rule, the one place it lives: a change is noise (shown and judged
 * as unchanged) when it is zero, or smaller than `min-delta`: its bytes, or its
 * percentage of `base` (a percentage floor needs a nonzero base).
 */
function belowFloor(delta, base, floor) {
    if (delta === 0)
        return true;
    if (!floor)
        return false;
    if ('bytes' in floor)
        return Math.abs(delta) < floor.bytes;
    return base !== null && base !== 0 && Math.abs((delta / base) * 100) < floor.percent;
}
/**
 * Total deltas. `metric` is the preferred metric (the budget's); when the
 * baseline lacks it (a registry image has no uncompressed size) the other one
 * is used and `delta.metric` says so. Null when no metric is on both sides.
 */
function compareSizes(head, base, metric, minDelta = null) {
    const uncompressed = difference(head.uncompressed, base.uncompressed);
    const compressed = difference(head.compressed, base.compressed);
    const byMetric = { uncompressed, compressed };
    const used = byMetric[metric] !== null ? metric : byMetric[otherMetric(metric)] !== null ? otherMetric(metric) : null;
    if (used === null)
        return null;
    const pct = (m) => {
        const h = head[m];
        const b = base[m];
        return h === null || b === null ? null : percentChange(h, b);
    };
    const noiseIn = (m) => {
        const change = byMetric[m];
        return change !== null && belowFloor(change, base[m], minDelta);
    };
    const noise = { uncompressed: noiseIn('uncompressed'), compressed: noiseIn('compressed') };
    return {
        uncompressed,
        compressed,
        percent: pct(used),
        metric: used,
        uncompressedPercent: pct('uncompressed'),
        compressedPercent: pct('compressed'),
        unchanged: noise[used],
        noise
    };
}
/** BuildKit appends "# buildkit"; whitespace varies between history sources. */
function normalizeInstruction(instruction) {
    return instruction
        .replace(/\s*#\s*buildkit\s*$/, '')
        .replace(/^\/bin\/sh -c #\(nop\)\s*/, '')
        .replace(/\s+/g, ' ')
        .trim();
}
const side = (layer) => ({
    index: layer.index,
    diffId: layer.diffId,
    instruction: layer.instruction,
    stage: layer.stage,
    fromBaseImage: layer.fromBaseImage,
    uncompressed: layer.uncompressed,
    compressed: layer.compressed
});
/** The metric every layer on both sides has, preferring `metric`. */
function layerMetric(head, base, metric) {
    const complete = (m) => [...head, ...base].every((l) => l[m] !== null);
    if (complete(metric))
        return metric;
    return complete(otherMetric(metric)) ? otherMetric(metric) : metric;
}
/** Takes the first unused entry of a key's queue. */
function takeFrom(queues, key) {
    const queue = queues.get(key);
    return queue && queue.length > 0 ? queue.shift() : undefined;
}
function queuesBy(items, key) {
    const map = new Map();
    for (const item of items) {
        const k = key(item);
        map.set(k, [...(map.get(k) ?? []), item]);
    }
    return map;
}
/** The bytes a layer's change is shown with: in `metric`, else whichever side has. */
function layerChangeBytes(delta, metric) {
    return delta[metric] ?? delta.uncompressed ?? delta.compressed ?? 0;
}
/** A layer's change below the per-layer floor (bytes only: a percentage has no base per layer) is left out of the comment. */
function layerNoise(delta, metric, floor) {
    return belowFloor(layerChangeBytes(delta, metric), null, floor > 0 ? { bytes: floor } : null);
}
/**
 * Pairs head and base layers and classifies each change. `floor` is the
 * per-layer noise floor in bytes: a paired layer that changed by less is
 * unchanged, and any entry whose change is below it is marked `noise`.
 */
function diffLayers(head, base, preferred, floor = 0) {
    const metric = layerMetric(head, base, preferred);
    const unpairedBase = new Set(base);
    const pairs = new Map();
    const byDiffId = queuesBy(base, (l) => l.diffId);
    for (const layer of head) {
        const match = takeFrom(byDiffId, layer.diffId);
        if (match) {
            pairs.set(layer, { base: match, by: 'diffId' });
            unpairedBase.delete(match);
        }
    }
    const stepKey = (l) => `${l.stage ?? ''}\u0000${normalizeInstruction(l.instruction)}`;
    const byStep = queuesBy([...unpairedBase], stepKey);
    for (const layer of head) {
        if (pairs.has(layer))
            continue;
        const match = takeFrom(byStep, stepKey(layer));
        if (match) {
            pairs.set(layer, { base: match, by: 'instruction' });
            unpairedBase.delete(match);
        }
    }
    const entries = head.map((layer) => {
        const pair = pairs.get(layer);
        if (!pair) {
            const delta = { uncompressed: layer.uncompressed, compressed: layer.compressed };
            return { change: 'added', pairedBy: null, head: side(layer), base: null, delta, noise: layerNoise(delta, metric, floor) };
        }
        const delta = {
            uncompressed: difference(layer.uncompressed, pair.base.uncompressed),
            compressed: difference(layer.compressed, pair.base.compressed)
        };
        const change = delta[metric];
        // Same diff id is the same content: any size difference is a compression estimate's.
        const kind = pair.by === 'diffId' || change === null || belowFloor(change, null, floor > 0 ? { bytes: floor } : null) ? 'unchanged' : change > 0 ? 'grown' : 'shrunk';
        return { change: kind, pairedBy: pair.by, head: side(layer), base: side(pair.base), delta, noise: layerNoise(delta, metric, floor) };
    });
    for (const layer of base) {
        if (!unpairedBase.has(layer))
            continue;
        const negate = (n) => (n === null ? null : -n);
        const delta = { uncompressed: negate(layer.uncompressed), compressed: negate(layer.compressed) };
        entries.push({ change: 'removed', pairedBy: null, head: null, base: side(layer), delta, noise: layerNoise(delta, metric, floor) });
    }
    const totals = Object.fromEntries(['added', 'removed', 'grown', 'shrunk', 'unchanged'].map((c) => [c, { count: 0, bytes: 0 }]));
    for (const entry of entries) {
        totals[entry.change].count++;
        totals[entry.change].bytes += entry.change === 'unchanged' ? 0 : (entry.delta[metric] ?? 0);
    }
    return { metric, entries, totals };
}

;// CONCATENATED MODULE: ./src/compare/budget.ts
// The verdict (pure): measured size against `budget` and `warn-at`, growth
// against `max-increase`, and `fail-on` deciding which exceeded limit fails
// the job and which only warns. The reason is one line naming the limit and
// the measured size: "image is 816 MB, over the 20 MB budget (uncompressed)".



function budgetSettings(inputs) {
    const settings = {
        metric: inputs.budgetMetric,
        budget: inputs.budget,
        warnAt: inputs.warnAt,
        maxIncrease: inputs.maxIncrease,
        minDelta: inputs.minDelta,
        failOn: inputs.failOn
    };
    validateBudgetSettings(settings);
    return settings;
}
/** Combinations that cannot mean anything are usage errors, found before any build. */
function validateBudgetSettings(s) {
    if (s.warnAt && 'percent' in s.warnAt) {
        if (s.budget === null)
            throw new UsageError(`warn-at: '${s.warnAt.percent}%' is a percentage of the budget, but no budget is set; set budget or give warn-at as a size (e.g. 18MB)`);
        if (s.warnAt.percent > 100)
            throw new UsageError(`warn-at: ${s.warnAt.percent}% is above the budget; use a percentage up to 100 (e.g. 90%)`);
    }
    if (s.warnAt && 'bytes' in s.warnAt && s.budget !== null && s.warnAt.bytes > s.budget) {
        throw new UsageError(`warn-at: ${formatSize(s.warnAt.bytes)} is above the ${formatSize(s.budget)} budget; set it below the budget (e.g. 90%)`);
    }
}
const resolve = (limit, of) => ('bytes' in limit ? limit.bytes : Math.round((of * limit.percent) / 100));
/** "over the 2 MB max-increase" / "over the 10% max-increase (1.2 MB)". */
const describeLimit = (limit, bytes) => ('bytes' in limit ? formatSize(bytes) : `${limit.percent}% (${formatSize(bytes)})`);
/** Sizes that print alike get their difference spelled out: "20 MB, over the 20 MB budget by 1 B". */
const overBy = (actual, limit) => (formatSize(actual) === formatSize(limit) ? ` by ${formatSize(actual - limit)}` : '');
function evaluateBudget(s, m) {
    const failsOnBudget = s.failOn === 'any' || s.failOn === 'budget';
    const failsOnIncrease = s.failOn === 'any' || s.failOn === 'increase';
    const size = m.size[s.metric];
    const warnAtBytes = s.warnAt && (s.budget !== null || 'bytes' in s.warnAt) ? resolve(s.warnAt, s.budget ?? 0) : null;
    const checks = [];
    const reasons = [];
    if (size === null && (s.budget !== null || warnAtBytes !== null)) {
        reasons.push({ status: 'warn', text: `the ${s.metric} size was not measured, so the ${formatSize(s.budget ?? warnAtBytes ?? 0)} ${s.budget !== null ? 'budget' : 'warn-at'} was not checked` });
    }
    if (size !== null && s.budget !== null) {
        const exceeded = size > s.budget;
        checks.push({ check: 'budget', limit: s.budget, actual: size, metric: s.metric, exceeded, effect: failsOnBudget ? 'fail' : 'warn' });
        reasons.push(exceeded
            ? { status: failsOnBudget ? 'fail' : 'warn', text: `image is ${formatSize(size)}, over the ${formatSize(s.budget)} budget${overBy(size, s.budget)} (${s.metric})` }
            : { status: 'pass', text: `image is ${formatSize(size)}, within the ${formatSize(s.budget)} budget (${s.metric})` });
    }
    if (size !== null && warnAtBytes !== null && !(s.budget !== null && size > s.budget)) {
        const exceeded = size >= warnAtBytes;
        checks.push({ check: 'warn-at', limit: warnAtBytes, actual: size, metric: s.metric, exceeded, effect: 'warn' });
        if (exceeded) {
            const of = s.budget !== null ? ` of the ${formatSize(s.budget)} budget` : '';
            reasons.push({ status: 'warn', text: `image is ${formatSize(size)}, past the ${describeLimit(s.warnAt, warnAtBytes)} warn-at${of} (${s.metric})` });
        }
    }
    let maxIncreaseBytes = null;
    if (s.maxIncrease && m.delta && m.delta.metric && m.baseSize !== null) {
        const metric = m.delta.metric;
        const growth = m.delta[metric];
        maxIncreaseBytes = resolve(s.maxIncrease, m.baseSize);
        // Below the noise floor a change is "unchanged" and cannot exceed anything.
        const exceeded = !m.delta.unchanged && growth > maxIncreaseBytes;
        checks.push({ check: 'max-increase', limit: maxIncreaseBytes, actual: growth, metric, exceeded, effect: failsOnIncrease ? 'fail' : 'warn' });
        const against = m.baseName ? ` against ${m.baseName}` : '';
        const floor = m.delta.unchanged && growth !== 0 && s.minDelta ? `, below the ${describeLimit(s.minDelta, resolve(s.minDelta, m.baseSize))} min-delta` : '';
        const change = `${formatDelta(growth)} (${formatPercent(m.delta.percent)}${floor})`;
        reasons.push(exceeded
            ? { status: failsOnIncrease ? 'fail' : 'warn', text: `image grew by ${change}${against}, over the ${describeLimit(s.maxIncrease, maxIncreaseBytes)} max-increase (${metric})` }
            : { status: 'pass', text: `image changed by ${change}${against}, within the ${describeLimit(s.maxIncrease, maxIncreaseBytes)} max-increase (${metric})` });
    }
    const ran = reasons.length > 0;
    const status = !ran ? 'none' : worstStatus(reasons.map((r) => r.status));
    // The reason names what decided the status; a pass names every limit it met.
    const deciding = status === 'pass' ? reasons : reasons.filter((r) => r.status === status);
    return {
        metric: s.metric,
        limit: s.budget,
        warnAt: warnAtBytes,
        maxIncrease: maxIncreaseBytes,
        status,
        reason: ran ? deciding.map((r) => r.text).join('; ') : null,
        failOn: s.failOn,
        minDelta: s.minDelta && 'bytes' in s.minDelta ? s.minDelta.bytes : m.baseSize !== null && s.minDelta ? resolve(s.minDelta, m.baseSize) : null,
        checks
    };
}
const RANK = { pass: 0, warn: 1, fail: 2 };
function worstStatus(statuses) {
    return statuses.reduce((worst, s) => (RANK[s] > RANK[worst] ? s : worst), 'pass');
}
/** The report's status: a budget that checked nothing passes. */
const reportStatus = (budgets) => worstStatus(budgets.map((b) => (b.status === 'none' ? 'pass' : b.status)));
/** How the reason names the baseline: the branch, else a short commit, else the image or file. */
function baselineName(baseline) {
    if (baseline.source === 'none' || baseline.error)
        return null;
    if (baseline.source === 'image')
        return baseline.ref;
    return baseline.ref && baseline.source === 'build' ? baseline.ref : baseline.commit ? baseline.commit.slice(0, 7) : baseline.ref;
}
/** Deltas, layer diff and verdict of one measured image against its baseline. */
function assess(s, head, baseline) {
    const delta = baseline.size && !baseline.error ? compareSizes(head.size, baseline.size, s.metric, s.minDelta) : null;
    const baseSize = delta?.metric && baseline.size ? baseline.size[delta.metric] : null;
    const layerFloor = s.minDelta && 'bytes' in s.minDelta ? s.minDelta.bytes : 0;
    const layerDiff = delta && baseline.layers.length > 0 && head.layers.length > 0 ? diffLayers(head.layers, baseline.layers, s.metric, layerFloor) : null;
    return { delta, layerDiff, budget: evaluateBudget(s, { size: head.size, delta, baseSize, baseName: baselineName(baseline) }) };
}

;// CONCATENATED MODULE: ./src/compare/stage.ts
// The pipeline's baseline → compare/budget stage: fetch the baseline for each
// measured platform, compare, judge, and carry the size trend forward.




/** Adds baseline, delta, layerDiff, budget, status and history to a measured report. */
async function compareStage(report, req, deps) {
    const fetch = deps.fetchBaseline ?? fetchBaseline;
    const repoRoot = req.build ? await gitRoot(req.build.context, deps.exec) : null;
    const logs = [];
    const cache = new Map();
    // Additional build contexts are outside what the base commit's tree says, so with them the base is always built.
    const reuseHead = (req.inputs.buildContexts ?? []).length === 0;
    const headOf = (entry) => reuseHead ? { imageId: entry.image.id, platform: entry.image.platform, size: entry.size, layers: entry.layers, log: '' } : null;
    const baselineFor = async (platform, head) => {
        const key = platform ?? '';
        const cached = cache.get(key);
        if (cached)
            return cached;
        const result = await fetch({
            source: req.source,
            auto: req.inputs.baseline === 'auto',
            baselineImage: req.inputs.baselineImage,
            baselineReport: req.inputs.baselineReport,
            platform,
            base: req.base,
            build: req.build ? { repoRoot, ...req.build } : null,
            head
        }, deps);
        if (result.buildLog)
            logs.push(result.buildLog);
        if (result.baseline.error)
            deps.log.warning(result.baseline.error);
        cache.set(key, result);
        return result;
    };
    // Each platform judged into a new entry; the measured report is left as it was.
    const platforms = [];
    for (const entry of report.platforms ?? []) {
        const { baseline } = await baselineFor(entry.platform, headOf(entry));
        const judged = assess(req.settings, entry, baseline);
        platforms.push({ ...entry, baseline, delta: judged.delta, layerDiff: judged.layerDiff, budget: judged.budget, status: reportStatus([judged.budget]) });
    }
    const top = await baselineFor(platforms[0]?.platform ?? report.image.platform, headOf(report));
    const judged = assess(req.settings, report, top.baseline);
    const at = req.now().toISOString();
    // A push series (no pull request history handed in) carries the stored report's trend forward.
    const previous = req.previousHistory.length > 0 ? req.previousHistory : top.history;
    const history = updateHistory({
        previous,
        base: basePoint(top.baseline, at),
        current: currentPoint(report, at),
        limit: req.inputs.historyLength
    });
    const statuses = [judged.budget, ...platforms.map((p) => p.budget)];
    return {
        report: {
            ...report,
            ...(report.platforms ? { platforms } : {}),
            baseline: top.baseline,
            delta: judged.delta,
            layerDiff: judged.layerDiff,
            budget: judged.budget,
            history,
            status: reportStatus(statuses)
        },
        baseBuildLogs: logs
    };
}

;// CONCATENATED MODULE: ./src/docker/cleanup.ts
/** Removes untagged images among `ids`; never throws (a leftover image is a warning). */
async function removeBuiltImages(ids, docker, log) {
    const removed = [];
    // Newest first: a suggestion or base image may share layers with the head, never the other way round.
    for (const id of [...ids].reverse()) {
        try {
            const tags = await docker.tagCount(id);
            if (tags === null)
                continue; // already gone
            if (tags !== 0) {
                log.info(`cleanup: keeping ${id.slice(0, 19)}, it is tagged (not only this run's)`);
                continue;
            }
            const r = await docker.removeImage(id);
            if (r.code === 0)
                removed.push(id);
            else
                log.warning(`cleanup: could not remove ${id.slice(0, 19)}: ${r.stderr.trim().split('\n').pop() ?? ''}`);
        }
        catch (error) {
            log.warning(`cleanup: could not remove ${id.slice(0, 19)}: ${error.message}`);
        }
    }
    if (removed.length > 0)
        log.info(`cleanup: removed ${removed.length} image(s) this run built`);
    return removed;
}

;// CONCATENATED MODULE: external "node:http"
const external_node_http_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");
var external_node_http_default = /*#__PURE__*/__nccwpck_require__.n(external_node_http_namespaceObject);
;// CONCATENATED MODULE: ./src/docker/inspect.ts
// What `docker image inspect` says of an image (Docker.inspect runs it): exact
// uncompressed size on overlay2, the layer diff ids, the platform, the config.
function parseInspect(json) {
    const parsed = JSON.parse(json);
    const raw = Array.isArray(parsed) ? parsed[0] : parsed;
    if (!raw || typeof raw.Size !== 'number')
        throw new Error('docker image inspect returned no image');
    return {
        id: raw.Id,
        repoTags: raw.RepoTags ?? [],
        repoDigests: raw.RepoDigests ?? [],
        size: raw.Size,
        diffIds: raw.RootFS?.Layers ?? [],
        platform: [raw.Os, raw.Architecture, raw.Variant].filter(Boolean).join('/'),
        created: raw.Created ?? null,
        config: {
            user: raw.Config?.User ?? '',
            env: raw.Config?.Env ?? [],
            entrypoint: raw.Config?.Entrypoint ?? null,
            cmd: raw.Config?.Cmd ?? null,
            workingDir: raw.Config?.WorkingDir ?? '',
            labels: raw.Config?.Labels ?? {}
        },
        graphDriver: raw.GraphDriver?.Name ? { name: raw.GraphDriver.Name, data: raw.GraphDriver.Data ?? {} } : null
    };
}

;// CONCATENATED MODULE: ./src/docker/engine.ts
// What the Docker engine is: version, the Go it was built with (its
// `docker push` compresses with that Go's compress/gzip), and the image store.
// The store decides what `docker image inspect` Size, `docker history` and
// `docker save` mean (design.md, "The engines users run"):
//   - `overlay2` (the classic graph-driver store): inspect Size and history are
//     the unpacked sizes; save streams uncompressed layer tars.
//   - `containerd` (the containerd image store, Docker 29's default): inspect
//     Size is content (or content plus snapshots), history is block-rounded
//     disk usage, the image id is the manifest (or index) digest, and save
//     streams the stored blobs, compressed as pulled or built.
// Pure parsing here; the command that asks is in docker.ts.
/** Reads `docker info --format '{{json .}}'` and `docker version --format '{{json .Server}}'`. */
function parseEngineInfo(infoJson, serverVersionJson) {
    const info = JSON.parse(infoJson);
    const server = JSON.parse(serverVersionJson);
    const driverType = (info.DriverStatus ?? []).find(([key]) => key === 'driver-type')?.[1] ?? '';
    const driver = info.Driver ?? '';
    const store = /snapshotter/.test(driverType) ? 'containerd' : driver === 'overlay2' ? 'overlay2' : 'other-graph-driver';
    const architecture = { x86_64: 'amd64', aarch64: 'arm64' }[info.Architecture ?? ''] ?? info.Architecture ?? '';
    return {
        version: server?.Version ?? info.ServerVersion ?? '',
        apiVersion: server?.ApiVersion ?? '',
        goVersion: server?.GoVersion ?? '',
        store,
        storageDriver: driver,
        mirrors: (info.RegistryConfig?.Mirrors ?? []).map((m) => m.replace(/\/+$/, '')),
        os: info.OSType ?? 'linux',
        architecture
    };
}
/** `Docker 28.5.2 (containerd image store, Go 1.27.1)`: how the report names an engine. */
function describeEngine(engine) {
    const store = engine.store === 'containerd' ? 'containerd image store' : `${engine.storageDriver} graph driver`;
    return `Docker ${engine.version} (${store}${engine.goVersion ? `, ${engine.goVersion.replace(/^go/, 'Go ')}` : ''})`;
}
/** The driver and error lines of `docker buildx inspect [NAME]` (text output; buildx has no JSON format for it). */
function parseBuilderInspect(stdout) {
    return {
        driver: /^Driver:[ \t]*(\S+)/m.exec(stdout)?.[1] ?? null,
        error: /^Error:[ \t]*(.+)$/m.exec(stdout)?.[1]?.trim() ?? null
    };
}

;// CONCATENATED MODULE: ./src/docker/docker.ts
// Every command this project sends to the Docker engine, in one place, for
// one engine. It knows the engine (version, Go, image store) once asked, so
// callers can ask what a number means on it.






const NO_DAEMON = 'no Docker daemon answers: start Docker (or run scripts/ensure-docker.sh) and retry';
const noDaemon = (stderr) => /Cannot connect to the Docker daemon|error during connect|docker daemon is not running/i.test(stderr);
class Docker {
    deps;
    engineInfo = null;
    /**
     * The images this instance built or loaded, in order, without repeats: what
     * `cleanup` removes. The build records them (buildImage, bakeBuild, load);
     * nothing reads command lines to find them.
     */
    builtImages = [];
    constructor(deps) {
        this.deps = deps;
    }
    async run(args, what) {
        const result = await this.deps.exec('docker', args);
        if (result.code !== 0 && noDaemon(result.stderr))
            throw new EnvironmentError(NO_DAEMON);
        if (result.code !== 0)
            throw new CommandError(`${what} failed`, lastLines(result.stderr));
        return result;
    }
    /** Records an image this run made (a build's `--iidfile`, a bake run's metadata, a load). */
    recordBuilt(id) {
        if (id && !this.builtImages.includes(id))
            this.builtImages.push(id);
    }
    /** `docker buildx build …` (`args` from composeBuildArgs, starting with `buildx build`), progress to `onProgress`. */
    buildx(args, onProgress) {
        return this.deps.exec('docker', args, { onStderr: onProgress });
    }
    /** The engine, asked once per instance. */
    engine() {
        this.engineInfo ??= (async () => {
            const info = await this.run(['info', '--format', '{{json .}}'], 'docker info');
            const version = await this.run(['version', '--format', '{{json .Server}}'], 'docker version');
            return parseEngineInfo(info.stdout, version.stdout);
        })();
        return this.engineInfo;
    }
    async inspect(ref) {
        const result = await this.deps.exec('docker', ['image', 'inspect', ref]);
        if (result.code !== 0) {
            if (noDaemon(result.stderr))
                throw new EnvironmentError(NO_DAEMON);
            if (/No such image/i.test(result.stderr))
                throw new UsageError(`image: no local image '${ref}'; build or pull it first`);
            throw new CommandError(`docker image inspect ${ref} failed`, lastLines(result.stderr));
        }
        return parseInspect(result.stdout);
    }
    /** The image, or null when the daemon has none of that name. */
    tryInspect(ref) {
        return this.inspect(ref).catch((error) => {
            if (error instanceof EnvironmentError)
                throw error;
            return null;
        });
    }
    /** `docker history` sizes, oldest row first (one per config history row), or null. */
    async historySizes(id) {
        const r = await this.deps.exec('docker', ['history', '--no-trunc', '--human=false', '--format', '{{.Size}}', id]).catch(() => null);
        if (!r || r.code !== 0)
            return null;
        const sizes = r.stdout.trim().split('\n').map(Number);
        return sizes.every(Number.isSafeInteger) ? sizes.reverse() : null;
    }
    save(id) {
        return this.deps.spawn('docker', ['save', id]);
    }
    /** Loads an image archive; returns the loaded image's id. */
    async load(archive) {
        const result = await this.run(['load', '--input', archive], `docker load of ${archive}`);
        const loadedId = /Loaded image ID: (sha256:[0-9a-f]{64})/.exec(result.stdout)?.[1];
        const id = loadedId ?? /Loaded image: (\S+)/.exec(result.stdout)?.[1];
        if (!id)
            throw new CommandError(`docker load of ${archive} named no image`, lastLines(result.stdout));
        // A load that names a tag, not an id, loaded someone's named image: not this run's to remove.
        if (loadedId)
            this.recordBuilt(loadedId);
        return id;
    }
    /** Pulls `ref` unless the daemon has it; true when it was pulled. */
    async ensureImage(ref, platform) {
        const present = await this.deps.exec('docker', ['image', 'inspect', '--format', '{{.Id}}', ref]);
        if (present.code === 0)
            return false;
        if (noDaemon(present.stderr))
            throw new EnvironmentError(NO_DAEMON);
        const pulled = await this.deps.exec('docker', ['pull', '--quiet', ...(platform ? ['--platform', platform] : []), ref]);
        if (pulled.code === 0)
            return true;
        const tail = lastLines(pulled.stderr, 3);
        if (/not found|manifest unknown|repository does not exist|pull access denied/i.test(pulled.stderr)) {
            throw new UsageError(`image: '${ref}' is neither a local image nor pullable (${tail.split('\n').pop()}); check the name, or docker login`);
        }
        if (/dial tcp|no such host|i\/o timeout|connection refused|TLS handshake timeout/i.test(pulled.stderr)) {
            throw new EnvironmentError(`image: '${ref}' is not local and its registry cannot be reached (${tail.split('\n').pop()})`);
        }
        throw new CommandError(`docker pull ${ref} failed`, tail);
    }
    /** A container that is never started, to read files out of an image with `copyFrom`. */
    async createContainer(image, options) {
        return this.deps.exec('docker', ['create', '--name', options.name, '--network', 'none', ...(options.mounts ?? []), image, ...(options.command ?? ['/nonexistent'])]);
    }
    /** `docker cp CONTAINER:PATH -`: the path as a tar stream. */
    copyFrom(container, from) {
        return this.deps.spawn('docker', ['cp', `${container}:${from}`, '-']);
    }
    async removeContainer(name) {
        await this.deps.exec('docker', ['rm', '-f', '-v', name]).catch(() => null);
    }
    /**
     * The images the daemon has among `refs`, from one `docker image inspect`
     * (it prints the ones it has and fails for the rest); nothing is pulled.
     */
    async inspectPresent(refs) {
        if (refs.length === 0)
            return [];
        const r = await this.deps.exec('docker', ['image', 'inspect', '--format', '{{json .}}', ...refs]).catch(() => null);
        return (r?.stdout ?? '')
            .split('\n')
            .filter(Boolean)
            .flatMap((line) => {
            try {
                return [parseInspect(line)];
            }
            catch {
                return []; // not an image's JSON
            }
        });
    }
    /** How `image` starts: entrypoint, command, working directory (`/` when unset), env, user, HEALTHCHECK. */
    async startConfig(image) {
        const r = await this.deps.exec('docker', ['image', 'inspect', '--format', '{{json .Config}}', image]);
        if (r.code !== 0)
            throw new Error(`docker image inspect ${image.slice(0, 19)} failed: ${r.stderr.trim().split('\n').pop() ?? ''}`);
        const c = (JSON.parse(r.stdout) ?? {});
        const test = c.Healthcheck?.Test ?? null;
        return {
            entrypoint: c.Entrypoint ?? null,
            cmd: c.Cmd ?? null,
            workingDir: c.WorkingDir || '/',
            env: c.Env ?? [],
            user: c.User ?? '',
            healthcheck: test && test.length > 0 && test[0] !== 'NONE' ? test : null
        };
    }
    /**
     * The image's file system as its containers see it (all layers merged,
     * whiteouts applied): `docker export` of a container that is created, never
     * started, and removed afterwards, handed to `read` as a tar stream.
     */
    async exportFileSystem(image, read) {
        const name = `go-image-budget-files-${(0,external_node_crypto_namespaceObject.randomBytes)(4).toString('hex')}`;
        // An entrypoint of our own: an image without ENTRYPOINT or CMD cannot be created otherwise.
        const created = await this.deps.exec('docker', ['create', '--name', name, '--network', 'none', '--entrypoint', '/go-image-budget-never-runs', image]);
        if (created.code !== 0)
            throw new Error(`docker create ${image.slice(0, 19)} failed: ${created.stderr.trim().split('\n').pop() ?? ''}`);
        try {
            const exported = this.deps.spawn('docker', ['export', name]);
            try {
                const result = await read(exported.stdout);
                await exported.done;
                return result;
            }
            catch (error) {
                exported.kill();
                await exported.done.catch(() => null);
                throw error;
            }
        }
        finally {
            await this.removeContainer(name);
        }
    }
    /**
     * `docker run -d` offline (`--network none`), on a read-only root file
     * system with a /tmp tmpfs unless `readOnly` is false; null when it started,
     * else what docker said.
     */
    async startDetached(image, name, options) {
        const r = await this.deps.exec('docker', ['run', '-d', '--name', name, '--network', 'none', ...(options.readOnly ? ['--read-only', '--tmpfs', '/tmp'] : []), image]);
        return r.code === 0 ? null : r.stderr.trim() || `docker run exited ${r.code}`;
    }
    /** The container's exit code once it ends (an unreadable one counts as 1), or null when it still runs after `ms`. */
    async waitExit(name, ms) {
        const waited = await withTimeout(this.deps.exec('docker', ['wait', name]), ms);
        if (waited === null)
            return null;
        const code = Number(waited.stdout.trim());
        return Number.isFinite(code) ? code : 1;
    }
    /** What the container printed: stdout, then stderr. */
    async logs(name) {
        const l = await this.deps.exec('docker', ['logs', name]);
        return { stdout: l.stdout, stderr: l.stderr };
    }
    /** `docker exec NAME ARGV…` (no shell). */
    async execIn(name, argv) {
        const r = await this.deps.exec('docker', ['exec', name, ...argv]);
        return { exitCode: r.code, stdout: r.stdout, stderr: r.stderr };
    }
    /**
     * `docker run --rm` offline, `entrypoint` replacing the image's when given;
     * null when it ran longer than `timeoutMs` (the container is then removed).
     */
    async runToEnd(image, options) {
        const name = `go-image-budget-verify-${(0,external_node_crypto_namespaceObject.randomBytes)(4).toString('hex')}`;
        const args = ['run', '--rm', '--name', name, '--network', 'none', ...(options.entrypoint !== null ? ['--entrypoint', options.entrypoint] : []), image, ...options.args];
        const result = await withTimeout(this.deps.exec('docker', args), options.timeoutMs);
        if (result === null) {
            await this.removeContainer(name);
            return null;
        }
        return { exitCode: result.code, stdout: result.stdout, stderr: result.stderr };
    }
    /** Number of tags on an image, or null when it is gone. */
    async tagCount(id) {
        const r = await this.deps.exec('docker', ['image', 'inspect', '--format', '{{len .RepoTags}}', id]);
        return r.code === 0 ? Number(r.stdout.trim()) : null;
    }
    async removeImage(id) {
        return this.deps.exec('docker', ['image', 'rm', id]);
    }
    /** The buildx builder's driver (`docker`, `docker-container`, `kubernetes`, `remote`). */
    async builderDriver(builder) {
        const r = await this.deps.exec('docker', ['buildx', 'inspect', ...(builder ? [builder] : [])]);
        if (r.code !== 0) {
            if (noDaemon(r.stderr))
                throw new EnvironmentError(NO_DAEMON);
            if (/unknown command|is not a docker command/.test(r.stderr))
                throw new EnvironmentError('docker buildx is not installed: install the buildx plugin (or run scripts/ensure-docker.sh)');
            if (builder && /no builder|not found/i.test(r.stderr))
                throw new UsageError(`builder: no buildx builder named '${builder}'; list them with 'docker buildx ls'`);
            throw new CommandError('docker buildx inspect failed', lastLines(r.stderr));
        }
        const { driver, error } = parseBuilderInspect(r.stdout);
        // The default builder of an engine that does not answer is listed with its error, and exit 0.
        if (error && noDaemon(error))
            throw new EnvironmentError(NO_DAEMON);
        return driver ?? 'docker';
    }
    /**
     * How a build reaches the measurement. The docker driver on the classic store can
     * only `--load`; every other builder (docker-container, as setup-buildx-action
     * makes; the docker driver on the containerd store) exports an image archive,
     * whose manifest carries the exact compressed blobs BuildKit pushes, and loads it.
     */
    async buildOutput(builder) {
        // One after the other: the builder is asked first (a missing builder is the clearer error).
        const driver = await this.builderDriver(builder);
        if (driver !== 'docker')
            return 'archive';
        return (await this.engine()).store === 'containerd' ? 'archive' : 'load';
    }
    /**
     * `docker buildx bake --print`: the resolved definition of `targets` (the
     * default group when none) as JSON, read from `files` with `cwd` as bake's
     * working directory (contexts are relative to it). A failure is a
     * CommandError whose detail is bake's last lines (src/bake reads them).
     */
    async bakePrint(request) {
        const result = await this.bakeCommand(request, ['--print', ...request.targets], 'docker buildx bake --print');
        return result.stdout;
    }
    /** The names of the targets and groups a bake definition has (`--list`), or null when buildx cannot list them. */
    async bakeTargetNames(request) {
        const result = await this.bakeCommand(request, ['--list', 'type=targets,format=json'], 'docker buildx bake --list').catch(() => null);
        if (!result)
            return null;
        try {
            const listed = JSON.parse(result.stdout);
            return listed.flatMap((t) => (typeof t.name === 'string' ? [t.name] : []));
        }
        catch {
            return null;
        }
    }
    /**
     * `docker buildx bake`: builds `targets` in one run (one BuildKit session,
     * one cache), progress to `onProgress`, results in `metadataFile`. `allowWrite`
     * is a directory bake may export archives to (its fs.write entitlement).
     */
    async bake(request) {
        const args = ['--progress', 'plain', '--metadata-file', request.metadataFile, ...(request.allowWrite ? ['--allow', `fs.write=${request.allowWrite}`] : []), ...request.targets];
        return this.bakeCommand(request, args, 'docker buildx bake', request.onProgress);
    }
    async bakeCommand(request, args, what, onStderr) {
        const full = ['buildx', 'bake', ...(request.builder ? ['--builder', request.builder] : []), ...request.files.flatMap((f) => ['--file', f]), ...args];
        const result = await this.deps.exec('docker', full, { cwd: request.cwd, onStderr });
        if (result.code === 0)
            return result;
        if (noDaemon(result.stderr))
            throw new EnvironmentError(NO_DAEMON);
        if (/unknown command|is not a docker command/.test(result.stderr))
            throw new EnvironmentError('docker buildx is not installed: install the buildx plugin (or run scripts/ensure-docker.sh)');
        if (request.builder && /no builder .* found|failed to find builder/i.test(result.stderr))
            throw new UsageError(`builder: no buildx builder named '${request.builder}'; list them with 'docker buildx ls'`);
        throw new CommandError(`${what} failed`, lastLines(result.stderr, 12));
    }
    /**
     * What `docker images` shows for the image on the containerd store: disk
     * usage and content size of the platform's manifest, from the engine API
     * (image inspect with `manifests=1`, API 1.48+). Null where the API or the
     * answer is not there (a remote engine, an older one).
     */
    async listedSize(id, platform) {
        const host = await this.deps.exec('docker', ['context', 'inspect', '--format', '{{.Endpoints.docker.Host}}']).catch(() => null);
        const socket = host && host.code === 0 ? /^unix:\/\/(.+)$/.exec(host.stdout.trim())?.[1] : null;
        if (!socket)
            return null;
        const body = await unixGet(socket, `/images/${encodeURIComponent(id)}/json?manifests=1`).catch(() => null);
        if (!body)
            return null;
        try {
            const image = JSON.parse(body);
            const manifest = image.Manifests?.find((m) => m.Kind === 'image' && platformOf(m.ImageData?.Platform) === platform);
            const size = manifest?.Size;
            return size && Number.isSafeInteger(size.Total) && Number.isSafeInteger(size.Content) ? { diskUsage: size.Total, contentSize: size.Content } : null;
        }
        catch {
            return null;
        }
    }
}
async function withTimeout(promise, ms) {
    let timer;
    const timeout = new Promise((resolve) => {
        timer = setTimeout(() => resolve(null), ms);
    });
    try {
        return await Promise.race([promise, timeout]);
    }
    finally {
        clearTimeout(timer);
    }
}
const platformOf = (p) => [p?.os, p?.architecture, p?.variant].filter(Boolean).join('/');
function unixGet(socketPath, path) {
    return new Promise((resolve, reject) => {
        const req = external_node_http_default().get({ socketPath, path, timeout: 10_000 }, (res) => {
            const parts = [];
            res.on('data', (b) => parts.push(b));
            res.on('end', () => (res.statusCode === 200 ? resolve(Buffer.concat(parts).toString('utf8')) : reject(new Error(`HTTP ${res.statusCode}`))));
        });
        req.on('timeout', () => req.destroy(new Error('timeout')));
        req.on('error', reject);
    });
}

;// CONCATENATED MODULE: ./src/docker/build-args.ts
// Composing `docker buildx build` arguments: pure, table-tested. Secrets are
// passed as files (`src=`) or environment variables (`env=`), never as values
// on the command line.
function composeBuildArgs(req) {
    const args = ['buildx', 'build'];
    if (req.builder)
        args.push('--builder', req.builder);
    if (req.archive)
        args.push('--output', `type=docker,dest=${req.archive}`);
    else
        args.push('--load');
    args.push('--progress', 'plain', '--iidfile', req.iidFile);
    if (req.metadataFile)
        args.push('--metadata-file', req.metadataFile);
    if (req.file)
        args.push('--file', req.file);
    if (req.target)
        args.push('--target', req.target);
    if (req.platform)
        args.push('--platform', req.platform);
    for (const a of req.buildArgs)
        args.push('--build-arg', a);
    for (const c of req.buildContexts)
        args.push('--build-context', c);
    for (const c of req.cacheFrom)
        args.push('--cache-from', c);
    for (const c of req.cacheTo)
        args.push('--cache-to', c);
    for (const l of req.labels)
        args.push('--label', l);
    for (const t of req.tags)
        args.push('--tag', t);
    for (const s of req.secretFiles)
        args.push('--secret', `id=${s.id},src=${s.path}`);
    for (const s of req.secretEnvs ?? [])
        args.push('--secret', `id=${s.id},env=${s.env}`);
    args.push(req.context);
    return args;
}

;// CONCATENATED MODULE: ./src/docker/build.ts
// Running a build. The image lands in the daemon (`--load`); its id comes from
// `--iidfile`, and is recorded on the Docker instance (what `cleanup`
// removes). A failing build ends with buildx's last error lines.






/**
 * `secret-files` resolved against the workspace and `secret-envs` checked
 * against the environment, before anything is built: buildx would fail late
 * on a missing file, and silently mount nothing for a variable that is unset.
 */
function resolveSecretSources(inputs, workspace, env) {
    const secretFiles = inputs.secretFiles.map(({ id, path: file }, i) => {
        const resolved = external_node_path_default().resolve(workspace, file);
        if (!(0,external_node_fs_namespaceObject.statSync)(resolved, { throwIfNoEntry: false })?.isFile())
            throw new UsageError(`secret-files: entry ${i + 1} (id ${id}): no file at ${file}; create it in an earlier step or fix the path`);
        return { id, path: resolved };
    });
    for (const [i, { id, env: name }] of inputs.secretEnvs.entries()) {
        if (env[name] === undefined)
            throw new UsageError(`secret-envs: entry ${i + 1} (id ${id}): the variable ${name} is not set; set it in the step's env:`);
    }
    return { secretFiles, secretEnvs: inputs.secretEnvs };
}
async function buildImage(options, deps) {
    const dir = await (0,promises_namespaceObject.mkdtemp)(external_node_path_default().join(deps.tempDir, 'build-'));
    try {
        const secretFiles = [...(await writeSecrets(options.secrets, dir)), ...(options.secretFiles ?? [])];
        const iidFile = external_node_path_default().join(dir, 'iid');
        const archive = options.output === 'archive' ? external_node_path_default().join(deps.tempDir, `image-${external_node_path_default().basename(dir)}.tar`) : null;
        const args = composeBuildArgs({ ...options, secretFiles, iidFile, metadataFile: null, archive });
        const result = await deps.docker.buildx(args, deps.onProgress);
        if (result.code !== 0) {
            if (archive)
                await (0,promises_namespaceObject.rm)(archive, { force: true });
            throw buildFailure(result.stderr, options);
        }
        if (!archive) {
            const imageId = (await (0,promises_namespaceObject.readFile)(iidFile, 'utf8')).trim();
            deps.docker.recordBuilt(imageId);
            return { imageId, archive: null, log: result.stderr };
        }
        try {
            return { imageId: await deps.docker.load(archive), archive, log: result.stderr };
        }
        catch (error) {
            await (0,promises_namespaceObject.rm)(archive, { force: true });
            throw error;
        }
    }
    finally {
        await (0,promises_namespaceObject.rm)(dir, { recursive: true, force: true });
    }
}
async function writeSecrets(secrets, dir) {
    const files = [];
    for (const [i, secret] of secrets.entries()) {
        const eq = secret.indexOf('=');
        if (eq <= 0)
            throw new UsageError(`secrets: entry ${i + 1} is not 'id=value'`);
        // The value exactly as given: a key's final newline is part of it.
        const id = secret.slice(0, eq).trim();
        const file = external_node_path_default().join(dir, `secret-${i}`);
        await (0,promises_namespaceObject.writeFile)(file, secret.slice(eq + 1), { mode: 0o600 });
        files.push({ id, path: file });
    }
    return files;
}
function buildFailure(stderr, options) {
    const tail = lastLines(stderr, 12);
    if (/Cannot connect to the Docker daemon|docker daemon is not running|error during connect/i.test(stderr)) {
        return new EnvironmentError('no Docker daemon answers: start Docker (or run scripts/ensure-docker.sh) and retry');
    }
    if (/unknown command: docker buildx|'buildx' is not a docker command|unknown flag: --load/.test(stderr)) {
        return new EnvironmentError('docker buildx is not installed: install the buildx plugin (or run scripts/ensure-docker.sh)');
    }
    if (/no builder .* found|failed to find builder/i.test(stderr)) {
        return new UsageError(`builder: no buildx builder named '${options.builder}'; list them with 'docker buildx ls'`);
    }
    return new CommandError(`docker buildx build failed for ${options.file ?? 'Dockerfile'} in ${options.context}`, tail);
}

// EXTERNAL MODULE: ./node_modules/dockerfile-ast/lib/main.js
var main = __nccwpck_require__(390);
;// CONCATENATED MODULE: ./src/image/history.ts
// Which instruction made each layer. The image config's history has one row
// per instruction; rows with `empty_layer` made no layer, the others pair in
// order with `rootfs.diff_ids`. The instruction text is then matched against
// the Dockerfile (final stage, and the stages it builds FROM) to find the line
// and stage; rows before the matched ones came from the base image.

/** Cleans a history `created_by` into the instruction as written: `RUN go build`, `COPY /a /b`. */
function cleanInstruction(createdBy) {
    let text = createdBy.trim().replace(/\s*# buildkit$/, '');
    const nop = /^\/bin\/sh -c #\(nop\)\s+/.exec(text);
    if (nop)
        return text.slice(nop[0].length).trim();
    // Build args recorded before the command: `|2 A=1 B=2 /bin/sh -c …`.
    const args = /^(RUN )?\|(\d+) /.exec(text);
    if (args) {
        let rest = text.slice(args[0].length);
        for (let i = 0; i < Number(args[2]); i++)
            rest = rest.replace(/^\S+\s+/, '');
        text = `${args[1] ?? ''}${rest}`;
    }
    if (text.startsWith('/bin/sh -c '))
        return `RUN ${text.slice('/bin/sh -c '.length)}`;
    if (text.startsWith('RUN /bin/sh -c '))
        return `RUN ${text.slice('RUN /bin/sh -c '.length)}`;
    return text;
}
/** Pairs layers with history rows through `empty_layer`. */
function pairHistory(diffIds, history) {
    const rows = history.map((row, index) => ({ row, index })).filter(({ row }) => !row.empty_layer);
    return diffIds.map((diffId, i) => {
        const entry = rows[i];
        return { diffId, historyIndex: entry ? entry.index : -1, instruction: entry ? cleanInstruction(entry.row.created_by ?? '') : '' };
    });
}
/** Instructions that leave no history row (BuildKit writes one for ARG, LABEL, ENV … too, with empty_layer). */
const NO_HISTORY = new Set(['FROM']);
function dockerfileChain(content, target, buildArgs = {}) {
    const dockerfile = main.DockerfileParser.parse(content);
    const stages = [];
    const globalArgs = {};
    for (const instruction of dockerfile.getInstructions()) {
        const keyword = instruction.getKeyword().toUpperCase();
        const line = instruction.getRange().start.line + 1;
        if (keyword === 'FROM') {
            const args = (instruction.getArgumentsContent() ?? '').split(/\s+/).filter((a) => !a.startsWith('--'));
            const name = args.length >= 3 && args[1].toUpperCase() === 'AS' ? args[2] : String(stages.length);
            stages.push({ name, from: args[0] ?? '', instructions: [] });
            continue;
        }
        if (stages.length === 0) {
            if (keyword === 'ARG') {
                const [k, v] = (instruction.getArgumentsContent() ?? '').split('=');
                if (k)
                    globalArgs[k.trim()] = (v ?? '').trim().replace(/^"(.*)"$/, '$1');
            }
            continue;
        }
        if (NO_HISTORY.has(keyword))
            continue;
        const stage = stages[stages.length - 1];
        stage.instructions.push({ keyword, line, stage: stage.name, text: instruction.getRawArgumentsContent() ?? '' });
    }
    if (stages.length === 0)
        return { instructions: [], baseImage: null };
    const byName = (name) => stages.find((s) => s.name.toLowerCase() === name.toLowerCase());
    let stage = target ? (byName(target) ?? stages[stages.length - 1]) : stages[stages.length - 1];
    const chain = [];
    const seen = new Set();
    for (;;) {
        chain.unshift(stage.instructions);
        seen.add(stage.name);
        const parent = byName(stage.from);
        if (!parent || seen.has(parent.name))
            break;
        stage = parent;
    }
    const vars = { ...globalArgs, ...buildArgs };
    const from = stage.from.replace(/\$\{?(\w+)\}?/g, (_, v) => vars[v] ?? '');
    return { instructions: chain.flat(), baseImage: from === '' || from.toLowerCase() === 'scratch' ? null : from };
}
/**
 * Matches history rows (oldest first) to the chain's instructions, from the
 * end backwards by keyword. Returns, per history row, the instruction or null.
 */
function matchHistory(history, chain) {
    const result = history.map(() => null);
    let c = chain.length - 1;
    for (let h = history.length - 1; h >= 0 && c >= 0; h--) {
        const keyword = cleanInstruction(history[h].created_by ?? '')
            .split(/\s/)[0]
            .toUpperCase();
        // Skip Dockerfile instructions that left no row (e.g. ONBUILD-less metadata BuildKit folds away).
        let k = c;
        while (k >= 0 && chain[k].keyword !== keyword)
            k--;
        // A row no remaining instruction explains (one a builder adds) is left unmatched; the rows before it still pair.
        if (k < 0)
            continue;
        result[h] = chain[k];
        c = k - 1;
    }
    return result;
}

;// CONCATENATED MODULE: ./src/image/wasted.ts
// Wasted bytes: what squashing the layers would remove. Replays the layers'
// tar headers in order and counts every earlier copy of a file that a later
// layer rewrites, deletes (whiteout `.wh.name`) or hides (opaque directory
// `.wh..wh..opq`). The surviving copy is not counted (dive counts it too; we
// report the strict number). Pure: works on the file records of each layer.
const parentOf = (p) => {
    const slash = p.lastIndexOf('/');
    return slash < 0 ? '' : p.slice(0, slash);
};
/** Turns a layer tar header path into a record (whiteouts recognised), or null for the root. */
function fileRecord(path, type, size) {
    const clean = path.replace(/^\.?\/+/, '').replace(/\/+$/, '');
    if (clean === '' || clean === '.')
        return null;
    const base = clean.slice(clean.lastIndexOf('/') + 1);
    if (base === '.wh..wh..opq')
        return { kind: 'opaque', path: parentOf(clean) };
    if (base.startsWith('.wh.')) {
        const dir = parentOf(clean);
        return { kind: 'whiteout', path: dir ? `${dir}/${base.slice(4)}` : base.slice(4) };
    }
    if (type === 'directory')
        return { kind: 'dir', path: clean };
    return { kind: 'file', path: clean, size };
}
function computeWasted(layers, top = 20) {
    const nodes = new Map();
    const children = new Map();
    const wastedByPath = new Map();
    const byLayer = new Map();
    let total = 0;
    /** Records `p` under its parent, and the parent under its own, up to the root (tars may omit directories). */
    const link = (p) => {
        for (let child = p; child !== ''; child = parentOf(child)) {
            const parent = parentOf(child);
            let set = children.get(parent);
            if (!set)
                children.set(parent, (set = new Set()));
            if (set.has(child))
                return;
            set.add(child);
        }
    };
    const waste = (p, node, byLayerIndex) => {
        if (node.dir || node.size === 0)
            return;
        total += node.size;
        byLayer.set(node.layer, (byLayer.get(node.layer) ?? 0) + node.size);
        const entry = wastedByPath.get(p) ?? { bytes: 0, layers: new Set() };
        entry.bytes += node.size;
        entry.layers.add(node.layer).add(byLayerIndex);
        wastedByPath.set(p, entry);
    };
    /** Removes `p` and everything under it that an earlier layer than `layer` wrote. */
    const remove = (p, layer, self = true) => {
        const kids = children.get(p);
        if (kids) {
            for (const kid of [...kids])
                remove(kid, layer);
            if (kids.size === 0)
                children.delete(p);
        }
        if (!self)
            return;
        const node = nodes.get(p);
        if (node && node.layer < layer) {
            waste(p, node, layer);
            nodes.delete(p);
            children.get(parentOf(p))?.delete(p);
        }
    };
    layers.forEach((records, layer) => {
        for (const r of records) {
            if (r.kind === 'opaque')
                remove(r.path, layer, false);
            else if (r.kind === 'whiteout')
                remove(r.path, layer);
            else {
                const old = nodes.get(r.path);
                const isDir = r.kind === 'dir';
                if (old && old.layer < layer) {
                    if (!old.dir)
                        waste(r.path, old, layer);
                    else if (!isDir)
                        remove(r.path, layer, false);
                }
                // A directory entry keeps its contents; only files take ownership of the path.
                if (old?.dir && isDir)
                    old.layer = layer;
                else
                    nodes.set(r.path, { layer, size: isDir ? 0 : r.size, dir: isDir });
                link(r.path);
            }
        }
    });
    const survivors = new Map();
    for (const [p, node] of nodes)
        if (!node.dir)
            survivors.set(p, node.layer);
    const files = [...wastedByPath]
        .map(([path, e]) => ({ path: `/${path}`, bytes: e.bytes, layers: [...e.layers].sort((a, b) => a - b) }))
        .sort((a, b) => b.bytes - a.bytes || a.path.localeCompare(b.path))
        .slice(0, top);
    return {
        bytes: total,
        files,
        byLayer: [...byLayer].map(([index, bytes]) => ({ index, bytes })).sort((a, b) => a.index - b.index),
        survivors
    };
}

;// CONCATENATED MODULE: ./src/image/assemble.ts



/** Throws when what was read does not belong to the inspected image (a layer missing or hashing to another diff id). */
function assembleMeasurement(input) {
    const { saved, inspected } = input;
    const history = saved.config.history ?? [];
    const paired = pairHistory(saved.config.rootfs?.diff_ids ?? inspected.diffIds, history);
    const matches = input.chain ? matchHistory(history, input.chain.instructions) : history.map(() => null);
    // Without a local base image, the first row matched to the Dockerfile marks where our layers start.
    const firstOwnRow = matches.findIndex((m) => m !== null);
    const counts = { exact: 0, estimated: 0, fromCache: 0 };
    const scans = [];
    const layers = paired.map((pair, index) => {
        const entryPath = saved.layerPaths[index];
        const scan = entryPath ? saved.layers.get(entryPath) : undefined;
        if (!scan)
            throw new Error(`the image archive of ${inspected.id} has no data for layer ${index} (${pair.diffId})`);
        if (scan.diffId !== pair.diffId)
            throw new Error(`the image archive of ${inspected.id}: layer ${index} hashes to ${scan.diffId}, expected ${pair.diffId}`);
        scans.push(scan);
        const { compressed, source } = compressedOf(scan, input, counts);
        const match = pair.historyIndex >= 0 ? matches[pair.historyIndex] : null;
        const fromBaseImage = input.baseLayerCount !== null ? index < input.baseLayerCount : firstOwnRow >= 0 && pair.historyIndex < firstOwnRow;
        return {
            index,
            diffId: pair.diffId,
            instruction: pair.instruction,
            dockerfileLine: match?.line ?? null,
            stage: match?.stage ?? null,
            fromBaseImage,
            uncompressed: scan.uncompressed,
            compressed,
            compressedSource: source
        };
    });
    const replay = computeWasted(scans.map((s) => s.files), input.topWastedFiles);
    const goBinaries = [];
    scans.forEach((scan, index) => {
        for (const b of scan.goBinaries) {
            // Only the copy that survives in the final filesystem.
            if (replay.survivors.get(b.path.slice(1)) !== index)
                continue;
            const f = b.facts;
            goBinaries.push({
                path: b.path,
                bytes: b.bytes,
                goVersion: f.goVersion,
                static: f.static,
                stripped: f.stripped,
                symbolBytes: f.symbolBytes,
                cgo: f.cgo,
                module: f.module,
                trimpath: f.trimpath,
                ldflags: f.ldflags,
                packages: f.packages,
                needs: f.needs ?? null
            });
        }
    });
    const allCompressed = layers.every((l) => l.compressed !== null);
    const sources = new Set(layers.map((l) => l.compressedSource ?? null));
    const compressedSource = !allCompressed ? null : (['gzip-estimate', 'oci', 'image-store', 'registry'].find((s) => sources.has(s)) ?? null);
    const engine = {
        name: describeEngine(input.engine),
        store: input.engine.store,
        inspectSize: inspected.size,
        diskUsage: input.listed?.diskUsage ?? (input.engine.store === 'containerd' ? null : inspected.size),
        contentSize: input.listed?.contentSize ?? null
    };
    const size = {
        uncompressed: layers.reduce((sum, l) => sum + l.uncompressed, 0),
        compressed: allCompressed ? layers.reduce((sum, l) => sum + (l.compressed ?? 0), 0) : null,
        compressedSource,
        ...(sources.has('gzip-estimate') && input.estimator ? { compressedEstimate: input.estimator } : {}),
        engine
    };
    return { size, layers, wasted: { bytes: replay.bytes, files: replay.files, layers: replay.byLayer }, goBinaries, scans, counts };
}
/** A layer's compressed size and its source: a compressed blob read here, a registry, a fresh or a cached estimate. */
function compressedOf(scan, input, counts) {
    if (scan.compressedExact && scan.compressed !== null) {
        counts.exact++;
        return { compressed: scan.compressed, source: input.blobSource };
    }
    const exact = input.exact.get(scan.diffId);
    if (exact) {
        counts.exact++;
        return { compressed: exact.size, source: exact.source };
    }
    if (scan.compressed !== null) {
        counts.estimated++;
        return { compressed: scan.compressed, source: 'gzip-estimate' };
    }
    const cached = input.cached.get(scan.diffId);
    if (cached === undefined)
        return { compressed: null, source: null };
    counts.fromCache++;
    return { compressed: cached, source: 'gzip-estimate' };
}

;// CONCATENATED MODULE: external "node:zlib"
const external_node_zlib_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");
var external_node_zlib_default = /*#__PURE__*/__nccwpck_require__.n(external_node_zlib_namespaceObject);
;// CONCATENATED MODULE: ./src/image/cache.ts
// What a layer's measurement found is computed once per diff id and kept on
// disk (under the runner's tool cache, so actions/cache can carry it between
// runs): its compressed size, and its full scan (the file records the
// wasted-bytes replay needs, the Go binaries in it), so that a re-measurement
// after a change to the top layers reads only those layers. One JSON file per
// layer; the scan inside it is gzipped JSON (base64), so a layer of a million
// files stays a few MB. Written to a temp name and renamed, so concurrent runs
// never see a half-written entry.




/** 3: the full scan is cached too (gzip JSON), compressed may be null. 4: `uncompressed` counts symlink targets. 5: Go binaries carry their run-time needs. */
const CACHE_VERSION = 5;
const KINDS = ['file', 'dir', 'whiteout', 'opaque'];
/** Compact scan encoding: files as [kind, path, size?] rows, then gzip, then base64. */
function encodeScan(scan) {
    const files = scan.files.map((f) => (f.kind === 'file' ? [0, f.path, f.size] : [KINDS.indexOf(f.kind), f.path]));
    return external_node_zlib_default().gzipSync(JSON.stringify({ u: scan.uncompressed, f: files, g: scan.goBinaries })).toString('base64');
}
function decodeScan(text) {
    const raw = JSON.parse(external_node_zlib_default().gunzipSync(Buffer.from(text, 'base64')).toString('utf8'));
    const files = raw.f.map(([k, p, size]) => (k === 0 ? { kind: 'file', path: p, size: size ?? 0 } : { kind: KINDS[k], path: p }));
    return { uncompressed: raw.u, files, goBinaries: raw.g };
}
class LayerCache {
    dir;
    estimator;
    flavor;
    /**
     * Entries are kept per estimator (`go` model or `zlib`: they differ by about 1% on
     * executables) and, for the Go models, per flavor of compress/flate (1–3% apart).
     */
    constructor(dir, estimator = 'go', flavor = 'go-classic') {
        this.dir = dir;
        this.estimator = estimator;
        this.flavor = flavor;
    }
    file(diffId) {
        const kind = this.estimator === 'zlib' ? 'zlib' : `${this.estimator}-${this.flavor}`;
        return external_node_path_default().join(this.dir, `layers-${kind}`, `${diffId.replace(':', '-')}.json`);
    }
    async get(diffId) {
        try {
            const stored = JSON.parse(await (0,promises_namespaceObject.readFile)(this.file(diffId), 'utf8'));
            if (stored.diffId !== diffId || stored.version !== CACHE_VERSION)
                return null;
            if (stored.compressed !== null && !Number.isFinite(stored.compressed))
                return null;
            let scan;
            if (typeof stored.scan === 'string') {
                try {
                    scan = decodeScan(stored.scan);
                }
                catch {
                    scan = undefined;
                }
            }
            return { ...stored, scan };
        }
        catch {
            return null;
        }
    }
    async put(entry) {
        const file = this.file(entry.diffId);
        await (0,promises_namespaceObject.mkdir)(external_node_path_default().dirname(file), { recursive: true });
        const temp = `${file}.${process.pid}.${(0,external_node_crypto_namespaceObject.randomBytes)(4).toString('hex')}.tmp`;
        const stored = { ...entry, scan: entry.scan ? encodeScan(entry.scan) : undefined, version: CACHE_VERSION };
        await (0,promises_namespaceObject.writeFile)(temp, JSON.stringify(stored));
        await (0,promises_namespaceObject.rename)(temp, file);
    }
}

;// CONCATENATED MODULE: ./src/image/known-sizes.ts

async function knownSizes(input, deps) {
    const { inspected, engine } = input;
    const exact = new Map();
    // On the containerd store every blob, base layers included, is in the save stream as
    // stored (exact); its RepoDigests name local images too, so registries are not asked.
    const askRegistries = input.registry && engine.store !== 'containerd';
    let baseLayerCount = input.baseImage === null ? 0 : null;
    if (input.baseImage) {
        const base = await deps.docker.tryInspect(input.baseImage);
        if (base && base.diffIds.every((d, i) => inspected.diffIds[i] === d)) {
            baseLayerCount = base.diffIds.length;
            if (askRegistries)
                await addRegistrySizes(base.repoDigests, inspected.platform, exact, engine, deps);
        }
    }
    if (askRegistries)
        await addRegistrySizes(inspected.repoDigests, inspected.platform, exact, engine, deps);
    const entries = new Map();
    const cached = new Map();
    if (input.cache) {
        for (const diffId of new Set(inspected.diffIds)) {
            const entry = await input.cache.get(diffId);
            if (!entry)
                continue;
            entries.set(diffId, entry);
            if (entry.compressed !== null)
                cached.set(diffId, entry.compressed);
        }
    }
    return { exact, entries, cached, baseLayerCount };
}
/** Adds the exact compressed sizes a registry holds for these digests' manifests; a registry that cannot answer is skipped. */
async function addRegistrySizes(repoDigests, platform, into, engine, deps) {
    for (const repoDigest of repoDigests) {
        try {
            const image = await fetchRegistryImage(repoDigest, platform, { fetch: deps.fetch, mirrors: engine.mirrors });
            image.config.diffIds.forEach((diffId, i) => {
                // Only gzip layers have sizes comparable with a gzip estimate.
                if (/gzip/.test(image.layers[i].mediaType))
                    into.set(diffId, { size: image.layers[i].size, source: 'registry' });
            });
            return;
        }
        catch (error) {
            deps.log?.debug(`registry sizes for ${repoDigest}: ${error.message}\n`);
        }
    }
}

;// CONCATENATED MODULE: ./src/compress/goflate.ts
// The size Go's compress/flate (level 6, as `docker push` and BuildKit use
// through compress/gzip) gives a chunk of data, without producing the bytes.
// zlib differs from it (zlib emits 3-byte matches, Go only 4+), by about 1%
// on executables, so registry sizes are only matched by doing what Go does:
// the same hash (hash4, 17 bits), the same lazy matching (good 8, lazy 16,
// nice 128, chain 128), blocks of 16384 tokens, each written stored, fixed or
// dynamic (whichever is smallest, with Go's length-limited Huffman codes).
//
// `goDeflateSegments` is self-contained (no imports, no outer variables) so
// its source can run in a worker thread. It returns the blocks it would write,
// as numbers: n ≥ 0 is a Huffman block of n bits, n < 0 a stored block of -n
// bytes (stored blocks align to a byte, so the caller adds them up in order).
/**
 * True for data at 7.99+ bits per byte with no more byte runs than chance (tar
 * headers and padding are runs of zeros): 4-byte repeats within 32 KiB are then
 * too rare to matter. Self-contained, like goDeflateSegments, which calls it.
 */
function looksLikeNoise(data, start) {
    if (data.length - start < 65536)
        return false;
    // Text and code show in their first bytes: four distinct values in 16 make it not noise.
    let distinct = 0;
    const seen = new Uint8Array(256);
    for (let i = start; i < start + 16; i++)
        if (!seen[data[i]]++)
            distinct++;
    if (distinct < 12)
        return false;
    // Every other 16 KiB piece is enough to tell: a zero run long enough to matter spans pieces.
    const histogram = new Float64Array(256);
    let runs = 0;
    let total = 0;
    for (let piece = start; piece < data.length; piece += 32768) {
        const to = Math.min(data.length, piece + 16384);
        for (let i = piece; i < to; i++) {
            histogram[data[i]]++;
            if (data[i] === data[i - 1])
                runs++;
        }
        total += to - piece;
    }
    let entropy = 0;
    for (let c = 0; c < 256; c++)
        if (histogram[c] > 0)
            entropy -= histogram[c] * Math.log2(histogram[c] / total);
    return entropy / total > 7.99 && runs / total < 0.005;
}
function goDeflateSegments(data, start) {
    const windowSize = 1 << 15;
    const windowMask = windowSize - 1;
    const minMatchLength = 4;
    const maxMatchLength = 258;
    const hashBits = 17;
    const hashMask = (1 << hashBits) - 1;
    const maxFlateBlockTokens = 1 << 14;
    const maxStoreBlockSize = 65535;
    const good = 8;
    const lazy = 16;
    const niceLength = 128;
    const chain = 128;
    const hashOffset = 1;
    const end = data.length;
    const maxInsertIndex = end - (minMatchLength - 1);
    const hashHead = new Int32Array(1 << hashBits);
    const hashPrev = new Int32Array(windowSize);
    const hash4 = (i) => (Math.imul((data[i + 3] | (data[i + 2] << 8) | (data[i + 1] << 16) | (data[i] << 24)) >>> 0, 0x1e35a7bd) >>> (32 - hashBits)) & hashMask;
    // The dictionary (data before `start`) primes the hash chains, as if it had just been compressed.
    for (let i = 0; i < start && i < maxInsertIndex; i++) {
        const h = hash4(i);
        hashPrev[i & windowMask] = hashHead[h];
        hashHead[h] = i + hashOffset;
    }
    // Tokens: literal byte (0..255) or 0x10000 | (length-3) << 15 ... packed as two arrays.
    const litFreq = new Int32Array(286);
    const offFreq = new Int32Array(30);
    let tokenCount = 0;
    const segments = [];
    let blockStart = start;
    // Go keeps 64 KiB of window and shifts it by 32 KiB; a block whose start was shifted out cannot be stored.
    let windowBase = 0;
    const LOST = Number.MAX_SAFE_INTEGER;
    const lengthCodeOf = new Uint8Array(256);
    const lengthBase = [0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 12, 14, 16, 20, 24, 28, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 255];
    const lengthExtraBits = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
    for (let c = 0; c < 29; c++)
        for (let l = lengthBase[c]; l < (c < 28 ? lengthBase[c + 1] : 256); l++)
            lengthCodeOf[l] = c;
    const offsetBase = [
        0x000000, 0x000001, 0x000002, 0x000003, 0x000004, 0x000006, 0x000008, 0x00000c, 0x000010, 0x000018, 0x000020, 0x000030, 0x000040, 0x000060, 0x000080, 0x0000c0, 0x000100, 0x000180, 0x000200,
        0x000300, 0x000400, 0x000600, 0x000800, 0x000c00, 0x001000, 0x001800, 0x002000, 0x003000, 0x004000, 0x006000
    ];
    const offsetExtraBits = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];
    const offsetCodeOf = (o) => {
        let c = 29;
        while (offsetBase[c] > o)
            c--;
        return c;
    };
    const codegenOrder = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];
    /** Go's huffmanEncoder.generate, code lengths only. */
    const codeLengths = (freq, maxBits) => {
        const lengths = new Uint8Array(freq.length);
        const list = [];
        for (let i = 0; i < freq.length; i++)
            if (freq[i] !== 0)
                list.push({ literal: i, freq: freq[i] });
        const count = list.length;
        if (count <= 2) {
            for (const node of list)
                lengths[node.literal] = 1;
            return lengths;
        }
        list.sort((a, b) => (a.freq === b.freq ? a.literal - b.literal : a.freq - b.freq));
        const n = count;
        list.push({ literal: 0xffff, freq: 0x7fffffff });
        if (maxBits > n - 1)
            maxBits = n - 1;
        const MAX = 0x7fffffff;
        const lv = Array.from({ length: 17 }, () => ({ level: 0, lastFreq: 0, nextCharFreq: 0, nextPairFreq: 0, needed: 0 }));
        const leafCounts = Array.from({ length: 17 }, () => new Int32Array(17));
        for (let level = 1; level <= maxBits; level++) {
            lv[level] = { level, lastFreq: list[1].freq, nextCharFreq: list[2].freq, nextPairFreq: list[0].freq + list[1].freq, needed: 0 };
            leafCounts[level][level] = 2;
            if (level === 1)
                lv[level].nextPairFreq = MAX;
        }
        lv[maxBits].needed = 2 * n - 4;
        let level = maxBits;
        for (;;) {
            const l = lv[level];
            if (l.nextPairFreq === MAX && l.nextCharFreq === MAX) {
                l.needed = 0;
                lv[level + 1].nextPairFreq = MAX;
                level++;
                continue;
            }
            const prevFreq = l.lastFreq;
            if (l.nextCharFreq < l.nextPairFreq) {
                const next = leafCounts[level][level] + 1;
                l.lastFreq = l.nextCharFreq;
                leafCounts[level][level] = next;
                l.nextCharFreq = list[next].freq;
            }
            else {
                l.lastFreq = l.nextPairFreq;
                for (let k = 0; k < level; k++)
                    leafCounts[level][k] = leafCounts[level - 1][k];
                lv[l.level - 1].needed = 2;
            }
            l.needed--;
            if (l.needed === 0) {
                if (l.level === maxBits)
                    break;
                lv[l.level + 1].nextPairFreq = prevFreq + l.lastFreq;
                level++;
            }
            else {
                while (lv[level - 1].needed > 0)
                    level--;
            }
        }
        // bitCount[bits] leaves get `bits` bits, the most frequent ones the fewest.
        let remaining = n;
        let bits = 1;
        for (let lvl = maxBits; lvl > 0; lvl--) {
            const c = leafCounts[maxBits][lvl] - leafCounts[maxBits][lvl - 1];
            for (let k = 0; k < c; k++)
                lengths[list[remaining - 1 - k].literal] = bits;
            remaining -= c;
            bits++;
        }
        return lengths;
    };
    const fixedLitLength = (c) => (c < 144 ? 8 : c < 256 ? 9 : c < 280 ? 7 : 8);
    /** Go's huffmanBitWriter.writeBlock, sizes only. */
    const writeBlock = (index) => {
        litFreq[256]++;
        let numLiterals = 286;
        while (litFreq[numLiterals - 1] === 0)
            numLiterals--;
        let numOffsets = 30;
        while (numOffsets > 0 && offFreq[numOffsets - 1] === 0)
            numOffsets--;
        if (numOffsets === 0) {
            offFreq[0] = 1;
            numOffsets = 1;
        }
        const litLen = codeLengths(litFreq, 15);
        const offLen = codeLengths(offFreq, 15);
        let extraBits = 0;
        for (let c = 257 + 8; c < numLiterals; c++)
            extraBits += litFreq[c] * lengthExtraBits[c - 257];
        for (let c = 4; c < numOffsets; c++)
            extraBits += offFreq[c] * offsetExtraBits[c];
        let fixedSize = 3 + extraBits;
        let litBits = 0;
        for (let c = 0; c < 286; c++) {
            if (litFreq[c] === 0)
                continue;
            fixedSize += litFreq[c] * fixedLitLength(c);
            litBits += litFreq[c] * litLen[c];
        }
        let offBits = 0;
        for (let c = 0; c < 30; c++) {
            if (offFreq[c] === 0)
                continue;
            fixedSize += offFreq[c] * 5;
            offBits += offFreq[c] * offLen[c];
        }
        // generateCodegen: run-length code of the two code length tables.
        const codegenFreq = new Int32Array(19);
        const cg = [];
        for (let i = 0; i < numLiterals; i++)
            cg.push(litLen[i]);
        for (let i = 0; i < numOffsets; i++)
            cg.push(offLen[i]);
        cg.push(255);
        let size = cg[0];
        let count = 1;
        for (let inIndex = 1; size !== 255; inIndex++) {
            const nextSize = cg[inIndex];
            if (nextSize === size) {
                count++;
                continue;
            }
            if (size !== 0) {
                codegenFreq[size]++;
                count--;
                while (count >= 3) {
                    const n = Math.min(6, count);
                    codegenFreq[16]++;
                    count -= n;
                }
            }
            else {
                while (count >= 11) {
                    const n = Math.min(138, count);
                    codegenFreq[18]++;
                    count -= n;
                }
                if (count >= 3) {
                    codegenFreq[17]++;
                    count = 0;
                }
            }
            count--;
            for (; count >= 0; count--)
                codegenFreq[size]++;
            size = nextSize;
            count = 1;
        }
        const cgLen = codeLengths(codegenFreq, 7);
        let numCodegens = 19;
        while (numCodegens > 4 && codegenFreq[codegenOrder[numCodegens - 1]] === 0)
            numCodegens--;
        let header = 3 + 5 + 5 + 4 + 3 * numCodegens + codegenFreq[16] * 2 + codegenFreq[17] * 3 + codegenFreq[18] * 7;
        for (let c = 0; c < 19; c++)
            header += codegenFreq[c] * cgLen[c];
        const dynamicSize = header + litBits + offBits + extraBits;
        const best = Math.min(fixedSize, dynamicSize);
        const inputLength = index - blockStart;
        const storable = blockStart !== LOST && inputLength <= maxStoreBlockSize;
        if (storable && (inputLength + 5) * 8 < best)
            segments.push(-inputLength);
        else
            segments.push(best);
        blockStart = index;
        litFreq.fill(0);
        offFreq.fill(0);
        tokenCount = 0;
    };
    // Noise (compressed or encrypted files): Go emits 16384 literals per block, and at ~8 bits a
    // byte no Huffman code beats storing them, so every block is stored.
    if (looksLikeNoise(data, start)) {
        for (let at = start; at < end; at += maxFlateBlockTokens)
            segments.push(-(Math.min(end, at + maxFlateBlockTokens) - at));
        return segments;
    }
    let index = start;
    let length = minMatchLength - 1;
    let offset = 0;
    let byteAvailable = false;
    let chainHead = -1;
    for (;;) {
        // Go pauses when less than 262 bytes are ahead and refills by shifting its 64 KiB window.
        if (index - windowBase >= 2 * windowSize - (minMatchLength + maxMatchLength) && windowBase + 2 * windowSize < end) {
            windowBase += windowSize;
            if (blockStart < windowBase)
                blockStart = LOST;
        }
        const lookahead = end - index;
        if (lookahead === 0) {
            if (byteAvailable) {
                litFreq[data[index - 1]]++;
                tokenCount++;
            }
            if (tokenCount > 0)
                writeBlock(index);
            break;
        }
        if (index < maxInsertIndex) {
            const h = hash4(index);
            chainHead = hashHead[h];
            hashPrev[index & windowMask] = chainHead;
            hashHead[h] = index + hashOffset;
        }
        const prevLength = length;
        const prevOffset = offset;
        length = minMatchLength - 1;
        offset = 0;
        const minIndex = Math.max(index - windowSize, 0);
        if (chainHead - hashOffset >= minIndex && lookahead > prevLength && prevLength < lazy) {
            // findMatch(index, chainHead - hashOffset, 3, lookahead)
            const pos = index;
            const minMatchLook = Math.min(maxMatchLength, lookahead);
            const nice = Math.min(minMatchLook, niceLength);
            let tries = chain;
            let bestLength = minMatchLength - 1;
            if (bestLength >= good)
                tries >>= 2;
            let wEnd = data[pos + bestLength];
            const chainMin = pos - windowSize;
            for (let i = chainHead - hashOffset; tries > 0; tries--) {
                if (wEnd === data[i + bestLength]) {
                    let n = 0;
                    while (n < minMatchLook && data[i + n] === data[pos + n])
                        n++;
                    if (n > bestLength && (n > minMatchLength || pos - i <= 4096)) {
                        bestLength = n;
                        length = n;
                        offset = pos - i;
                        if (n >= nice)
                            break;
                        wEnd = data[pos + n];
                    }
                }
                if (i === chainMin)
                    break;
                i = hashPrev[i & windowMask] - hashOffset;
                if (i < chainMin || i < 0)
                    break;
            }
        }
        if (prevLength >= minMatchLength && length <= prevLength) {
            litFreq[257 + lengthCodeOf[prevLength - 3]]++;
            offFreq[offsetCodeOf(prevOffset - 1)]++;
            tokenCount++;
            const newIndex = index + prevLength - 1;
            for (index++; index < newIndex; index++) {
                if (index < maxInsertIndex) {
                    const h = hash4(index);
                    hashPrev[index & windowMask] = hashHead[h];
                    hashHead[h] = index + hashOffset;
                }
            }
            byteAvailable = false;
            length = minMatchLength - 1;
            if (tokenCount === maxFlateBlockTokens)
                writeBlock(index);
        }
        else {
            if (byteAvailable) {
                litFreq[data[index - 1]]++;
                tokenCount++;
                if (tokenCount === maxFlateBlockTokens)
                    writeBlock(index);
            }
            index++;
            byteAvailable = true;
        }
    }
    return segments;
}
/** Adds up blocks in stream order: Huffman blocks are bit-exact, stored blocks start on a byte. */
function addSegments(bitPosition, segments) {
    let pos = bitPosition;
    for (const s of segments) {
        if (s >= 0)
            pos += s;
        else
            pos = Math.ceil((pos + 3) / 8) * 8 + 32 + 8 * -s;
    }
    return pos;
}
/** gzip member size from the bit length of its deflate blocks: Go's Close adds an empty final stored block; gzip adds 10 + 8 bytes. */
function gzipBytesFromBits(bits) {
    return Math.ceil((bits + 3) / 8) + 4 + 18;
}

;// CONCATENATED MODULE: ./src/compress/goflate-fast.ts
/** Go 1.27's deflateFast works on chunks of this many bytes (maxStoreBlockSize). */
const GO_FAST_CHUNK = 65535;
function goFastDeflateSegments(input, start, last, writer) {
    // V8 inlines the helpers below only while they stay the same closures: made anew on every
    // call they run 3x slower. So the encoder is made once per thread, kept on this function.
    const self = goFastDeflateSegments;
    self.encoder ??= fastEncoder();
    return self.encoder(input, start, last, writer);
    function fastEncoder() {
        const chunkSize = 65535;
        const tableBits = 15;
        const tableSize = 1 << tableBits;
        const maxMatchOffset = 1 << 15;
        const maxMatchLength = 258;
        const baseMatchLength = 3;
        const inputMargin = 12 - 1;
        const minNonLiteralBlockSize = 1 + 1 + inputMargin;
        // Table entries hold position + entryBase, so an empty entry (0) is always out of reach.
        const entryBase = 1 << 16;
        // The call's input and writer.
        let data = new Uint8Array(0);
        let writer;
        const table = new Int32Array(tableSize);
        // bTable: the current and previous entry of a long hash side by side (one cache line, as Go's struct).
        const bTable = new Int32Array(2 * tableSize);
        const tokens = { litHist: new Int32Array(256), extraHist: new Int32Array(32), offHist: new Int32Array(32), n: 0 };
        const { litHist, extraHist, offHist } = tokens;
        // lengthCodes1 and offsetCodes of token.go, built from the RFC 1951 bases.
        const lengthCodes1 = new Uint8Array(256);
        const lengthBase = [0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 12, 14, 16, 20, 24, 28, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 255, 256];
        for (let c = 0; c < 29; c++)
            for (let l = lengthBase[c]; l < lengthBase[c + 1]; l++)
                lengthCodes1[l] = c + 1;
        const offsetCodes = new Uint8Array(256);
        const offsetBase = [0, 1, 2, 3, 4, 6, 8, 12, 16, 24, 32, 48, 64, 96, 128, 192, 256];
        for (let c = 0; c < 16; c++)
            for (let o = offsetBase[c]; o < offsetBase[c + 1]; o++)
                offsetCodes[o] = c;
        const offsetCode = (off) => (off < 256 ? offsetCodes[off] : offsetCodes[off >> 7] + 14);
        const load32 = (i) => data[i] | (data[i + 1] << 8) | (data[i + 2] << 16) | (data[i + 3] << 24);
        // hashLen(u, 15, 4): the low 32 bits times prime4bytes, top 15 bits.
        const hash4 = (i) => Math.imul(load32(i), 0x9e3779b1) >>> (32 - tableBits);
        // hashLen(u, 15, 7): ((u << 8) * prime7bytes) >> 49 on 64 bits, i.e. the top 15 bits of
        // the high word. JS has no 64-bit multiply, so the high word is built from 32-bit halves
        // (prime7bytes = 0xcf1bbc_dcbfa563) and the exact high half of low × low, through 16-bit pieces.
        const hash7 = (i) => {
            const lo24 = data[i] | (data[i + 1] << 8) | (data[i + 2] << 16);
            const hi = data[i + 3] | (data[i + 4] << 8) | (data[i + 5] << 16) | (data[i + 6] << 24);
            // (x / 2^k) | 0 and >>> 0 floor these non-negative products, exact below 2^53.
            const low = ((lo24 * 0xa563) / 65536) | 0;
            const carry = ((lo24 * 0xdcbf + low) / 256) >>> 0;
            return ((carry + Math.imul(lo24 << 8, 0xcf1bbc) + Math.imul(hi, 0xdcbfa563 | 0)) >>> 0) >>> (32 - tableBits);
        };
        const insertLong = (h, entry) => {
            bTable[2 * h + 1] = bTable[2 * h];
            bTable[2 * h] = entry;
        };
        // matchLen within the chunk (Go's hist ends where the chunk does).
        const matchLen = (s, t, limit) => {
            let n = 0;
            while (s + n < limit && data[s + n] === data[t + n])
                n++;
            return n;
        };
        const emitLiterals = (from, to) => {
            for (let i = from; i < to; i++)
                litHist[data[i]]++;
            tokens.n += to - from;
        };
        /** AddMatchLong: a match longer than 258 is written as several. */
        const addMatchLong = (length, xoffset) => {
            const oc = offsetCode(xoffset);
            while (length > 0) {
                let xl = length;
                if (xl > maxMatchLength)
                    xl = xl > maxMatchLength + baseMatchLength ? maxMatchLength : maxMatchLength - baseMatchLength;
                length -= xl;
                extraHist[lengthCodes1[xl - baseMatchLength]]++;
                offHist[oc]++;
                tokens.n++;
            }
        };
        /** fastEncL6.encode of data[chunkStart, chunkEnd), everything before it being history. */
        const encode = (chunkStart, chunkEnd) => {
            if (chunkEnd - chunkStart < minNonLiteralBlockSize) {
                tokens.n = chunkEnd - chunkStart;
                return;
            }
            const sLimit = chunkEnd - inputMargin;
            const limited = (s) => Math.min(s + maxMatchLength - 4, chunkEnd);
            let s = chunkStart;
            let nextEmit = s;
            let repeat = 1;
            for (;;) {
                // Look for a match, skipping faster the longer nothing matched (skipLog 7).
                let nextS = s;
                let l = 0;
                let t;
                // The hashes at nextS carry over to the next round (Go computes them again).
                let nextHashS = hash4(nextS);
                let nextHashL = hash7(nextS);
                for (;;) {
                    const hashS = nextHashS;
                    const hashL = nextHashL;
                    s = nextS;
                    nextS = s + 1 + ((s - nextEmit) >> 7);
                    if (nextS > sLimit)
                        return emitRemainder(nextEmit, chunkEnd);
                    const sCandidate = table[hashS] - entryBase;
                    const lCandidateCur = bTable[2 * hashL] - entryBase;
                    const lCandidatePrev = bTable[2 * hashL + 1] - entryBase;
                    table[hashS] = s + entryBase;
                    insertLong(hashL, s + entryBase);
                    nextHashS = hash4(nextS);
                    nextHashL = hash7(nextS);
                    const cv = load32(s);
                    const next = load32(nextS);
                    t = lCandidateCur;
                    if (s - t < maxMatchOffset) {
                        if (cv === load32(t)) {
                            // The long candidate matches 4 bytes; the previous one may be longer.
                            table[nextHashS] = nextS + entryBase;
                            insertLong(nextHashL, nextS + entryBase);
                            const t2 = lCandidatePrev;
                            if (s - t2 < maxMatchOffset && cv === load32(t2)) {
                                l = matchLen(s + 4, t + 4, limited(s + 4)) + 4;
                                const ml1 = matchLen(s + 4, t2 + 4, limited(s + 4)) + 4;
                                if (ml1 > l) {
                                    t = t2;
                                    l = ml1;
                                }
                            }
                            break;
                        }
                        t = lCandidatePrev;
                        if (s - t < maxMatchOffset && cv === load32(t)) {
                            table[nextHashS] = nextS + entryBase;
                            insertLong(nextHashL, nextS + entryBase);
                            break;
                        }
                    }
                    t = sCandidate;
                    if (s - t < maxMatchOffset && cv === load32(t)) {
                        // A 4-byte match; a repeat of the last offset at s+1, or a long match at nextS, may beat it.
                        l = matchLen(s + 4, t + 4, limited(s + 4)) + 4;
                        const nextCur = bTable[2 * nextHashL] - entryBase;
                        const nextPrev = bTable[2 * nextHashL + 1] - entryBase;
                        table[nextHashS] = nextS + entryBase;
                        insertLong(nextHashL, nextS + entryBase);
                        let t2 = s - repeat + 1;
                        if (load32(t2) === load32(s + 1)) {
                            const ml = matchLen(s + 5, t2 + 4, limited(s + 5)) + 4;
                            if (ml > l) {
                                t = t2;
                                l = ml;
                                s += 1;
                                break;
                            }
                        }
                        t2 = nextCur;
                        if (nextS - t2 < maxMatchOffset) {
                            if (load32(t2) === next) {
                                const ml = matchLen(nextS + 4, t2 + 4, limited(nextS + 4)) + 4;
                                if (ml > l) {
                                    t = t2;
                                    s = nextS;
                                    l = ml;
                                }
                            }
                            t2 = nextPrev;
                            if (nextS - t2 < maxMatchOffset && load32(t2) === next) {
                                const ml = matchLen(nextS + 4, t2 + 4, limited(nextS + 4)) + 4;
                                if (ml > l) {
                                    t = t2;
                                    s = nextS;
                                    l = ml;
                                }
                            }
                        }
                        break;
                    }
                }
                // Extend the match as far as it goes.
                if (l === 0)
                    l = matchLen(s + 4, t + 4, chunkEnd) + 4;
                else if (l === maxMatchLength)
                    l += matchLen(s + l, t + l, chunkEnd);
                // A longer match may end where this one does: test both long candidates there, 2 bytes in.
                const sAt = s + l;
                if (sAt < sLimit) {
                    const h = hash7(sAt);
                    const s2 = s + 2;
                    let t2 = bTable[2 * h] - entryBase - l + 2;
                    let off = s2 - t2;
                    if (off < maxMatchOffset) {
                        if (off > 0 && t2 >= 0) {
                            const l2 = matchLen(s2, t2, chunkEnd);
                            if (l2 > l) {
                                t = t2;
                                l = l2;
                                s = s2;
                            }
                        }
                        t2 = bTable[2 * h + 1] - entryBase - l + 2;
                        off = s2 - t2;
                        if (off > 0 && off < maxMatchOffset && t2 >= 0) {
                            const l2 = matchLen(s2, t2, chunkEnd);
                            if (l2 > l) {
                                t = t2;
                                l = l2;
                                s = s2;
                            }
                        }
                    }
                }
                // Extend backwards.
                while (t > 0 && s > nextEmit && data[t - 1] === data[s - 1]) {
                    s--;
                    t--;
                    l++;
                }
                if (nextEmit < s)
                    emitLiterals(nextEmit, s);
                addMatchLong(l, s - t - 1);
                repeat = s - t;
                s += l;
                nextEmit = s;
                if (nextS >= s)
                    s = nextS + 1;
                if (s >= sLimit) {
                    // Index after the match end, every other position, to the end of the chunk.
                    for (let i = nextS + 1; i < chunkEnd - 8; i += 2) {
                        table[hash4(i)] = i + entryBase;
                        insertLong(hash7(i), i + entryBase);
                    }
                    return emitRemainder(nextEmit, chunkEnd);
                }
                // Store every long hash in between and every second short one.
                for (let i = nextS + 1; i < s - 1; i += 2) {
                    const h7 = hash7(i);
                    const h7next = hash7(i + 1);
                    table[hash4(i)] = i + entryBase;
                    insertLong(h7, i + entryBase);
                    insertLong(h7next, i + 1 + entryBase);
                }
            }
        };
        // Trailing literals, unless nothing matched at all (then the chunk is stored).
        const emitRemainder = (nextEmit, chunkEnd) => {
            if (nextEmit < chunkEnd && tokens.n !== 0)
                emitLiterals(nextEmit, chunkEnd);
        };
        /** deflateFast: one chunk, from its tokens to the writer. */
        const deflateChunk = (chunkStart, chunkEnd, sync) => {
            const length = chunkEnd - chunkStart;
            if (sync && length < 128) {
                // The tail of the stream: tiny, so stored or Huffman-only without looking for matches.
                if (length === 0)
                    return;
                if (length <= 32)
                    writer.writeStored(length);
                else
                    writer.writeBlockHuff(data, chunkStart, chunkEnd, true);
                return;
            }
            litHist.fill(0);
            extraHist.fill(0);
            offHist.fill(0);
            tokens.n = 0;
            encode(chunkStart, chunkEnd);
            if (tokens.n === 0)
                writer.writeStored(length);
            else if (tokens.n > length - (length >> 4))
                writer.writeBlockHuff(data, chunkStart, chunkEnd, sync);
            else
                writer.writeBlockDynamic(tokens, length, sync);
        };
        return (input, start, last, callWriter) => {
            data = input;
            writer = callWriter;
            table.fill(0);
            bTable.fill(0);
            // The data before `start`, as chunks that end where the block's first begins.
            writer.setCounting(false);
            for (let chunkEnd = start % chunkSize || chunkSize; chunkEnd <= start; chunkEnd += chunkSize)
                deflateChunk(Math.max(0, chunkEnd - chunkSize), chunkEnd, false);
            writer.setCounting(true);
            for (let chunkStart = start; chunkStart < data.length; chunkStart += chunkSize) {
                const chunkEnd = Math.min(data.length, chunkStart + chunkSize);
                deflateChunk(chunkStart, chunkEnd, last && chunkEnd === data.length);
            }
            return writer.close();
        };
    }
}
/** gzip member size from the bit length of Go 1.27's deflate blocks: Close writes a final fixed block (10 bits); gzip adds 10 + 8 bytes. */
function goFastGzipBytesFromBits(bits) {
    return Math.ceil((bits + 10) / 8) + 18;
}

;// CONCATENATED MODULE: ./src/compress/push-flavor.ts


const PUSH_FLAVORS = (/* unused pure expression or super */ null && (['go-classic', 'go1.27']));
/** The flavor of an engine from its Go version: 'go1.27.1' → 'go1.27', 'go1.23.7' → 'go-classic'. */
function pushFlavorForGoVersion(goVersion) {
    const match = /(?:^|[^\w.])go(\d+)\.(\d+)/.exec(goVersion.trim());
    if (!match)
        throw new Error(`engine Go version "${goVersion}" is not like go1.27.1: cannot tell which compress/flate the engine pushes with`);
    const [major, minor] = [Number(match[1]), Number(match[2])];
    return major > 1 || minor >= 27 ? 'go1.27' : 'go-classic';
}
const FLAVOR_LAYOUT = {
    'go-classic': { chunkBytes: 1, dictionaryBytes: 32 * 1024, gzipBytesFromBits: gzipBytesFromBits, exactLeadBytes: 0 },
    'go1.27': { chunkBytes: GO_FAST_CHUNK, dictionaryBytes: GO_FAST_CHUNK, gzipBytesFromBits: goFastGzipBytesFromBits, exactLeadBytes: 4 * 64 * GO_FAST_CHUNK }
};
/**
 * How the sampled estimator (deflate-sample.ts) samples a block, for `sampleBytes`
 * of it: the classic model on four slices of a quarter each; Go 1.27's on whole
 * chunks, twice as many, because its size relative to zlib varies more between
 * chunks (2-4% where the classic model varies 1-2%), and each with the 32 KiB
 * before it, which sets its hash tables and open Huffman table as well as the
 * whole previous chunk would (within 0.03%).
 */
function samplePlan(flavor, sampleBytes) {
    if (flavor === 'go-classic')
        return { slices: 4, sliceBytes: Math.floor(sampleBytes / 4), chunkBytes: 1, primingBytes: 32 * 1024, exactAboveRatio: 0, exactOnNoise: true };
    const chunks = Math.max(1, Math.round(sampleBytes / GO_FAST_CHUNK));
    return { slices: 2 * chunks, sliceBytes: GO_FAST_CHUNK, chunkBytes: GO_FAST_CHUNK, primingBytes: 32 * 1024, exactAboveRatio: 16, exactOnNoise: false };
}

;// CONCATENATED MODULE: external "node:worker_threads"
const external_node_worker_threads_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");
;// CONCATENATED MODULE: ./src/compress/deflate-sample.ts
// The sampled estimate of a block's Go-deflate size (the `go` estimator): zlib
// level 4 (C, fast) sizes the whole block, the Go model a few slices spread
// over it, and the block's size is zlib's scaled by Go/zlib on those slices.
// How many slices, where they may start and what they are primed with depends
// on the Go release (samplePlan in push-flavor.ts).
//
// `sampledGoSegments` is self-contained so the deflate pool can ship it to its
// workers; the Go model, zlib and the noise test are passed in.
function sampledGoSegments(data, start, last, plan, models) {
    const length = data.length - start;
    const sliced = plan.slices * plan.sliceBytes;
    if (length <= 2 * sliced || (plan.exactOnNoise && models.looksLikeNoise(data, start)))
        return models.exact(data, start, last);
    // zlib keeps a 32 KiB window: its dictionary is at most that.
    const zlibWindow = 32768;
    const zlibDictionary = (at) => (at > 0 ? data.subarray(Math.max(0, at - zlibWindow), at) : null);
    const zlibBlock = models.zlibBytes(data.subarray(start), zlibDictionary(start)) * 8;
    if (plan.exactAboveRatio > 0 && zlibBlock * plan.exactAboveRatio < length * 8)
        return models.exact(data, start, last);
    let goBits = 0;
    let zlibBits = 0;
    for (let k = 0; k < plan.slices; k++) {
        const spread = Math.floor(((length - plan.sliceBytes) * (2 * k + 1)) / (2 * plan.slices));
        const from = start + spread - (spread % plan.chunkBytes);
        const primeFrom = Math.max(0, from - plan.primingBytes);
        const slice = data.subarray(from, from + plan.sliceBytes);
        // Blocks in order: a stored one starts on a byte (3 header bits, then LEN and NLEN).
        let bits = 0;
        for (const s of models.exact(data.subarray(primeFrom, from + plan.sliceBytes), from - primeFrom, false))
            bits = s >= 0 ? bits + s : Math.ceil((bits + 3) / 8) * 8 + 32 + 8 * -s;
        goBits += bits;
        zlibBits += models.zlibBytes(slice, zlibDictionary(from)) * 8;
    }
    return [Math.round(zlibBlock * (goBits / zlibBits))];
}

;// CONCATENATED MODULE: ./src/compress/goflate-writer.ts
// The size model of Go 1.27's huffmanBitWriter (compress/flate, levels 1-6),
// for goFastDeflateSegments (goflate-fast.ts). Go 1.27 took its encoder from
// github.com/klauspost/compress: each 64 KiB chunk of input is written stored,
// Huffman-only, fixed or dynamic, and a dynamic table may stay open across
// chunks ("reuse") when a new one would not pay for its header. So the size of
// a chunk depends on the writer's state; this model keeps that state (the open
// table's code lengths, its header size) and counts bits instead of writing.
//
// `goHuffmanWriter` is self-contained (no imports, no outer variables) so the
// deflate pool can ship its source to worker threads; the encoder gets an
// instance passed in. Names follow huffman_bit_writer.go and huffman_code.go.
function goHuffmanWriter() {
    const literalCount = 286;
    const offsetCodeCount = 30;
    const endBlockMarker = 256;
    const maxPredefinedTokens = 250;
    // Levels 1-6 set logNewTablePenalty 7: a new table must win by 1/128 of its estimate.
    const logNewTablePenalty = 7;
    const lengthExtraBits = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
    const offsetExtraBits = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];
    const codegenOrder = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];
    // fixedLiteralEncoding and fixedOffsetEncoding (RFC 1951 3.2.6), lengths only.
    const fixedLiteralEncoding = Uint8Array.from({ length: literalCount }, (_, c) => (c < 144 ? 8 : c < 256 ? 9 : c < 280 ? 7 : 8));
    const fixedOffsetEncoding = new Uint8Array(offsetCodeCount).fill(5);
    // Output: Huffman bits since the last stored block, and the blocks so far (n ≥ 0 bits, n < 0 a stored block of -n bytes).
    const segments = [];
    let pending = 0;
    /** Off while the encoder replays the data before its block (a dictionary): state changes, nothing is counted. */
    let counting = true;
    const emit = (bits) => {
        if (counting)
            pending += bits;
    };
    // The open table: non-zero prevHeader means its EOB is still owed and it may be reused.
    let prevHeader = 0;
    let wroteHuffman = false;
    const literalEncoding = new Uint8Array(literalCount);
    const offsetEncoding = new Uint8Array(offsetCodeCount);
    const tmpLitEncoding = new Uint8Array(endBlockMarker + 1);
    const codegenEncoding = new Uint8Array(19);
    const literalFreq = new Int32Array(endBlockMarker + 1 + 32);
    const offsetFreq = new Int32Array(32);
    const codegenFreq = new Int32Array(19);
    const huffOffset = new Uint8Array([1]);
    // huffmanEncoder.generate, code lengths only: freq[0:count] into lengths, at most maxBits bits.
    const sortKeys = new Int32Array(literalCount + 1);
    const leafCounts = Array.from({ length: 16 }, () => new Int32Array(16));
    const levelLastFreq = new Float64Array(17);
    const levelNextCharFreq = new Float64Array(17);
    const levelNextPairFreq = new Float64Array(17);
    const levelNeeded = new Int32Array(17);
    const generate = (freq, count, maxBits, lengths) => {
        let n = 0;
        for (let i = 0; i < count; i++) {
            lengths[i] = 0;
            // Literals fit in 9 bits, so freq<<10 + literal sorts by frequency, then literal, as Go does.
            if (freq[i] !== 0)
                sortKeys[n++] = freq[i] * 1024 + i;
        }
        if (n <= 2) {
            for (let k = 0; k < n; k++)
                lengths[sortKeys[k] & 1023] = 1;
            return;
        }
        const list = sortKeys.subarray(0, n).sort();
        const freqAt = (k) => (k < n ? list[k] >> 10 : Infinity);
        // bitCounts: the package-merge of Go's huffman_code.go, one chain per level.
        if (maxBits > n - 1)
            maxBits = n - 1;
        leafCounts[0].fill(0);
        for (let level = 1; level <= maxBits; level++) {
            levelLastFreq[level] = freqAt(1);
            levelNextCharFreq[level] = freqAt(2);
            levelNextPairFreq[level] = level === 1 ? Infinity : freqAt(0) + freqAt(1);
            levelNeeded[level] = 0;
            leafCounts[level].fill(0);
            leafCounts[level][level] = 2;
        }
        levelNeeded[maxBits] = 2 * n - 4;
        let level = maxBits;
        for (;;) {
            if (levelNextPairFreq[level] === Infinity && levelNextCharFreq[level] === Infinity) {
                levelNeeded[level] = 0;
                levelNextPairFreq[level + 1] = Infinity;
                level++;
                continue;
            }
            const prevFreq = levelLastFreq[level];
            if (levelNextCharFreq[level] < levelNextPairFreq[level]) {
                const next = leafCounts[level][level] + 1;
                levelLastFreq[level] = levelNextCharFreq[level];
                leafCounts[level][level] = next;
                levelNextCharFreq[level] = freqAt(next);
            }
            else {
                levelLastFreq[level] = levelNextPairFreq[level];
                const save = leafCounts[level][level];
                leafCounts[level].set(leafCounts[level - 1]);
                leafCounts[level][level] = save;
                levelNeeded[level - 1] = 2;
            }
            if (--levelNeeded[level] === 0) {
                if (level === maxBits)
                    break;
                levelNextPairFreq[level + 1] = prevFreq + levelLastFreq[level];
                level++;
            }
            else {
                while (levelNeeded[level - 1] > 0)
                    level--;
            }
        }
        // The most frequent symbols get the fewest bits.
        let remaining = n;
        for (let lvl = maxBits, bits = 1; lvl > 0; lvl--, bits++) {
            const c = leafCounts[maxBits][lvl] - leafCounts[maxBits][lvl - 1];
            for (let k = 0; k < c; k++)
                lengths[list[remaining - 1 - k] & 1023] = bits;
            remaining -= c;
        }
    };
    const bitLength = (lengths, freq) => {
        let total = 0;
        for (let i = 0; i < lengths.length; i++)
            total += freq[i] * lengths[i];
        return total;
    };
    /** generateCodegen (frequencies only), then the codegen code and headerSize(). */
    const writeableHeaderSize = (numLiterals, litLengths, numOffsets, offLengths) => {
        codegenFreq.fill(0);
        const sizeAt = (i) => (i < numLiterals ? litLengths[i] : i < numLiterals + numOffsets ? offLengths[i - numLiterals] : 255);
        let size = sizeAt(0);
        let count = 1;
        for (let inIndex = 1; size !== 255; inIndex++) {
            const nextSize = sizeAt(inIndex);
            if (nextSize === size) {
                count++;
                continue;
            }
            if (size !== 0) {
                codegenFreq[size]++;
                count--;
                while (count >= 3) {
                    codegenFreq[16]++;
                    count -= Math.min(6, count);
                }
            }
            else {
                while (count >= 11) {
                    codegenFreq[18]++;
                    count -= Math.min(138, count);
                }
                if (count >= 3) {
                    codegenFreq[17]++;
                    count = 0;
                }
            }
            codegenFreq[size] += Math.max(0, count);
            size = nextSize;
            count = 1;
        }
        generate(codegenFreq, 19, 7, codegenEncoding);
        let numCodegens = 19;
        while (numCodegens > 4 && codegenFreq[codegenOrder[numCodegens - 1]] === 0)
            numCodegens--;
        return 3 + 5 + 5 + 4 + 3 * numCodegens + bitLength(codegenEncoding, codegenFreq) + codegenFreq[16] * 2 + codegenFreq[17] * 3 + codegenFreq[18] * 7;
    };
    // tokens.EstimatedBits: Shannon bits per symbol, in float32 as Go computes them (mFastLog2).
    const f32 = new Float32Array(1);
    const i32 = new Int32Array(f32.buffer);
    const fround = Math.fround;
    const [c1, c2, c3] = [fround(-0.34484843), fround(2.02466578), fround(0.67487759)];
    const mFastLog2 = (val) => {
        f32[0] = val;
        let ux = i32[0];
        const log2 = ((ux >> 23) & 255) - 128;
        ux = ((ux & -0x7f800001) + (127 << 23)) | 0;
        i32[0] = ux;
        const uval = f32[0];
        return fround(log2 + fround(fround(fround(fround(c1 * uval) + c2) * uval) - c3));
    };
    const shannonBits = (shannon, hist, from, to, invTotal) => {
        for (let i = from; i < to; i++) {
            const v = hist[i];
            if (v > 0)
                shannon = fround(shannon + fround(Math.min(15, Math.max(1, -mFastLog2(fround(v * invTotal)))) * v));
        }
        return shannon;
    };
    const estimatedBits = (t) => {
        let shannon = 0;
        let bits = 0;
        let nMatches = 0;
        if (t.n > 0) {
            const invTotal = fround(1 / t.n);
            shannon = fround(shannonBits(0, t.litHist, 0, 256, invTotal) + 15);
            shannon = shannonBits(shannon, t.extraHist, 1, literalCount - 256, invTotal);
            for (let i = 1; i < literalCount - 256; i++) {
                bits += lengthExtraBits[i - 1] * t.extraHist[i];
                nMatches += t.extraHist[i];
            }
        }
        if (nMatches > 0) {
            shannon = shannonBits(shannon, t.offHist, 0, offsetCodeCount, fround(1 / nMatches));
            for (let i = 0; i < offsetCodeCount; i++)
                bits += offsetExtraBits[i] * t.offHist[i];
        }
        return Math.trunc(shannon) + bits;
    };
    /** The EOB of the open table. */
    const writeEob = () => {
        emit(literalEncoding[endBlockMarker]);
        prevHeader = 0;
    };
    /** writeStoredHeader + writeBytes: 3 bits, then byte-aligned LEN/NLEN and the bytes. */
    const writeStored = (length) => {
        if (prevHeader > 0)
            writeEob();
        if (!counting)
            return;
        segments.push(pending, -length);
        pending = 0;
    };
    /** indexTokens: the histograms as the writer's frequencies; returns numLiterals, numOffsets. */
    const indexTokens = (t) => {
        literalFreq.set(t.litHist, 0);
        literalFreq.set(t.extraHist, 256);
        offsetFreq.set(t.offHist);
        let numLiterals = literalFreq.length;
        while (literalFreq[numLiterals - 1] === 0)
            numLiterals--;
        let numOffsets = offsetFreq.length;
        while (numOffsets > 0 && offsetFreq[numOffsets - 1] === 0)
            numOffsets--;
        if (numOffsets === 0) {
            // No match: one offset code anyway, so the offset tree can be written.
            offsetFreq[0] = 1;
            numOffsets = 1;
        }
        return [numLiterals, numOffsets];
    };
    const extraBitSize = () => {
        let total = 0;
        for (let i = 0; i < literalCount - 257; i++)
            total += literalFreq[257 + i] * lengthExtraBits[i];
        for (let i = 0; i < offsetCodeCount; i++)
            total += offsetFreq[i] * offsetExtraBits[i];
        return total;
    };
    const fixedSize = (extraBits) => 3 + bitLength(fixedLiteralEncoding, literalFreq) + bitLength(fixedOffsetEncoding, offsetFreq) + extraBits;
    const canReuse = (t) => {
        for (let i = 0; i < offsetCodeCount; i++)
            if (t.offHist[i] !== 0 && offsetEncoding[i] === 0)
                return false;
        for (let i = 0; i < literalCount - 256; i++)
            if (t.extraHist[i] !== 0 && literalEncoding[256 + i] === 0)
                return false;
        for (let i = 0; i < 256; i++)
            if (t.litHist[i] !== 0 && literalEncoding[i] === 0)
                return false;
        return true;
    };
    /** writeTokens: the chunk's tokens (no EOB) with these codes; extra bits as in extraBitSize. */
    const tokenBits = (t, lit, off, extraBits) => {
        let bits = extraBits;
        for (let i = 0; i < 256; i++)
            bits += t.litHist[i] * lit[i];
        for (let i = 1; i < literalCount - 256; i++)
            bits += t.extraHist[i] * lit[256 + i];
        for (let i = 0; i < offsetCodeCount; i++)
            bits += t.offHist[i] * off[i];
        return bits;
    };
    /** writeFixedHeader + writeTokens with the fixed codes, EOB included. */
    const writeFixed = (t, extraBits) => {
        if (prevHeader > 0)
            writeEob();
        emit(3 + tokenBits(t, fixedLiteralEncoding, fixedOffsetEncoding, extraBits) + fixedLiteralEncoding[endBlockMarker]);
    };
    return {
        segments,
        /** Counting off: the chunks modelled only to set the state (a dictionary). */
        setCounting(on) {
            counting = on;
        },
        writeStored,
        /** writeBlockDynamic(tokens, eof=false, input, sync), as deflateFast calls it. */
        writeBlockDynamic(t, inputLength, sync) {
            if (sync) {
                t.extraHist[0]++;
                t.n++;
            }
            else {
                // Ensure we can always write EOB.
                t.extraHist[0] = 1;
            }
            if (wroteHuffman && prevHeader > 0) {
                writeEob();
                wroteHuffman = false;
            }
            if (prevHeader > 0 && !canReuse(t))
                writeEob();
            const [numLiterals, numOffsets] = indexTokens(t);
            const storedSize = (inputLength + 5) * 8;
            const extraBits = extraBitSize();
            const eobBits = sync ? 1 : 0;
            let size;
            if (prevHeader > 0) {
                // A new table costs about the old header plus the ideal bits, plus a penalty for not being ideal.
                let newSize = prevHeader + estimatedBits(t);
                newSize += literalEncoding[endBlockMarker] + (newSize >> logNewTablePenalty);
                const reuseSize = bitLength(literalEncoding, literalFreq) + bitLength(offsetEncoding, offsetFreq) + extraBits;
                if (newSize < reuseSize) {
                    writeEob();
                    size = newSize;
                }
                else
                    size = reuseSize;
                if (t.n < maxPredefinedTokens && fixedSize(extraBits) + 7 < size) {
                    if (storedSize <= size)
                        writeStored(inputLength);
                    else
                        writeFixed(t, extraBits);
                    return;
                }
                if (storedSize <= size)
                    return writeStored(inputLength);
            }
            if (prevHeader === 0) {
                literalFreq[endBlockMarker] = 1;
                generate(literalFreq, literalCount, 15, literalEncoding);
                generate(offsetFreq, offsetCodeCount, 15, offsetEncoding);
                const header = writeableHeaderSize(numLiterals, literalEncoding, numOffsets, offsetEncoding);
                size = header + bitLength(literalEncoding, literalFreq) + bitLength(offsetEncoding, offsetFreq) + extraBits;
                if (t.n < maxPredefinedTokens) {
                    const preSize = fixedSize(extraBits);
                    if (preSize <= size) {
                        if (storedSize <= preSize)
                            writeStored(inputLength);
                        else
                            writeFixed(t, extraBits);
                        return;
                    }
                }
                if (storedSize <= size)
                    return writeStored(inputLength);
                emit(header);
                if (!sync)
                    prevHeader = header;
                wroteHuffman = false;
            }
            if (sync)
                prevHeader = 0;
            emit(tokenBits(t, literalEncoding, offsetEncoding, extraBits) + eobBits * literalEncoding[endBlockMarker]);
        },
        /** writeBlockHuff(eof=false, input, sync): literals only, for chunks with few matches. */
        writeBlockHuff(data, from, to, sync) {
            literalFreq.fill(0);
            for (let i = from; i < to; i++)
                literalFreq[data[i]]++;
            const length = to - from;
            const storedSize = (length + 5) * 8;
            if (length > 1024) {
                // All byte counts close to the average: random data, stored at once.
                let abs = 0;
                const avg = length / 256;
                const max = length * 2;
                for (let i = 0; i < 256 && abs < max; i++)
                    abs += (literalFreq[i] - avg) * (literalFreq[i] - avg);
                if (abs < max)
                    return writeStored(length);
            }
            literalFreq[endBlockMarker] = 1;
            generate(literalFreq, endBlockMarker + 1, 15, tmpLitEncoding);
            let estBits = 0;
            for (let i = 0; i <= endBlockMarker; i++)
                estBits += literalFreq[i] * tmpLitEncoding[i];
            // A guessed 70-byte header for a new table.
            estBits += prevHeader === 0 ? 70 * 8 : prevHeader;
            estBits += estBits >> logNewTablePenalty;
            if (storedSize <= estBits)
                return writeStored(length);
            if (prevHeader > 0) {
                // canEncodeLen: the open table can only be reused if it has a code for every byte here.
                let reuseSize = 0;
                for (let i = 0; i < 256; i++) {
                    if (literalFreq[i] === 0)
                        continue;
                    if (literalEncoding[i] === 0) {
                        reuseSize = Infinity;
                        break;
                    }
                    reuseSize += literalFreq[i] * literalEncoding[i];
                }
                if (estBits < reuseSize)
                    writeEob();
            }
            if (prevHeader === 0) {
                literalEncoding.fill(0);
                literalEncoding.set(tmpLitEncoding);
                const header = writeableHeaderSize(endBlockMarker + 1, literalEncoding, 1, huffOffset);
                emit(header);
                wroteHuffman = true;
                prevHeader = header;
            }
            let bits = 0;
            for (let i = 0; i < 256; i++)
                bits += literalFreq[i] * literalEncoding[i];
            emit(bits);
            if (sync) {
                writeEob();
                wroteHuffman = false;
            }
        },
        /** The segments so far, the open table closed (its EOB). */
        close() {
            if (prevHeader > 0)
                writeEob();
            if (pending > 0)
                segments.push(pending);
            pending = 0;
            return segments;
        }
    };
}

;// CONCATENATED MODULE: ./src/compress/deflate-pool.ts
// Worker threads that run the Go-deflate size models (goflate.ts for Go ≤ 1.26,
// goflate-fast.ts for Go 1.27+) on blocks of a layer in parallel. The workers
// are started from the models' own source (they are self-contained), so the
// same code runs under tsx, jest and the ncc bundle without a separate worker
// file.






/** A worker's whole job, typed and self-contained (it runs in the worker from its source, and in tests directly). */
function modelBlock(request, models) {
    try {
        const data = new Uint8Array(request.buffer);
        const exact = models.exact[request.flavor];
        const segments = request.plan
            ? models.sampled(data, request.start, request.last, request.plan, { exact, zlibBytes: models.zlibBytes, looksLikeNoise: models.looksLikeNoise })
            : exact(data, request.start, request.last);
        return { id: request.id, segments };
    }
    catch (error) {
        return { id: request.id, error: String((error instanceof Error && error.stack) || error) };
    }
}
// The worker wires modelBlock to its port with the models' own source; only
// zlib (a require in the worker) is written here. \`__name\` is the helper
// esbuild (tsx) wraps named functions in; the worker has none.
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads')
const zlib = require('node:zlib')
var __name = (fn) => fn
const looksLikeNoise = ${looksLikeNoise.toString()}
const goDeflateSegments = ${goDeflateSegments.toString()}
const goHuffmanWriter = ${goHuffmanWriter.toString()}
const goFastDeflateSegments = ${goFastDeflateSegments.toString()}
const modelBlock = ${modelBlock.toString()}
const models = {
  exact: {
    'go-classic': (data, start) => goDeflateSegments(data, start),
    'go1.27': (data, start, last) => goFastDeflateSegments(data, start, last, goHuffmanWriter())
  },
  // zlib level 4: twice as fast as 6, and as lazy in its matching.
  zlibBytes: (data, dictionary) => zlib.deflateRawSync(data, { level: 4, finishFlush: zlib.constants.Z_BLOCK, ...(dictionary ? { dictionary } : {}) }).length,
  looksLikeNoise,
  sampled: ${sampledGoSegments.toString()}
}
parentPort.on('message', (request) => parentPort.postMessage(modelBlock(request, models)))
`;
class DeflatePool {
    size;
    sampleBytes;
    flavor;
    workers = [];
    busy = new Map();
    jobs = new Map();
    nextId = 0;
    /** Blocks modelled so far (for tests and stats). */
    blocks = 0;
    /** How blocks are sampled; null: every byte is modelled. */
    plan;
    /**
     * `sampleBytes` 0 models every byte (exact, slow: ~10-20 MB/s per thread on
     * compressible data); otherwise blocks are sized by zlib and scaled by the
     * model's ratio on about that much of each (deflate-sample.ts, samplePlan).
     * `flavor` is the compress/flate of the engine that will push (push-flavor.ts).
     */
    constructor(size, sampleBytes = 0, flavor = 'go-classic') {
        this.size = size;
        this.sampleBytes = sampleBytes;
        this.flavor = flavor;
        this.plan = sampleBytes > 0 ? samplePlan(flavor, sampleBytes) : null;
    }
    pick() {
        if (this.workers.length < this.size) {
            const worker = new external_node_worker_threads_namespaceObject.Worker(WORKER_SOURCE, { eval: true });
            worker.unref();
            worker.on('message', (reply) => {
                this.busy.set(worker, (this.busy.get(worker) ?? 1) - 1);
                const job = this.jobs.get(reply.id);
                this.jobs.delete(reply.id);
                if (!job)
                    return;
                if ('error' in reply)
                    job.reject(new Error(`deflate worker: ${reply.error}`));
                else
                    job.resolve(reply.segments);
            });
            worker.on('error', (error) => {
                for (const job of this.jobs.values())
                    job.reject(error);
                this.jobs.clear();
            });
            this.workers.push(worker);
            this.busy.set(worker, 0);
            return worker;
        }
        return this.workers.reduce((a, b) => ((this.busy.get(a) ?? 0) <= (this.busy.get(b) ?? 0) ? a : b));
    }
    /**
     * Models one block: `dictionary` is the data just before it (up to the flavor's
     * dictionaryBytes); `last` when the block ends the stream (Go 1.27 ends it
     * differently); `exact` models every byte of it even when sampling.
     */
    run(dictionary, block, last = false, exact = false) {
        const dictLength = dictionary?.length ?? 0;
        const buffer = new ArrayBuffer(dictLength + block.length);
        const view = new Uint8Array(buffer);
        if (dictionary)
            view.set(dictionary, 0);
        view.set(block, dictLength);
        const id = this.nextId++;
        this.blocks++;
        const worker = this.pick();
        this.busy.set(worker, (this.busy.get(worker) ?? 0) + 1);
        return new Promise((resolve, reject) => {
            this.jobs.set(id, { resolve, reject });
            const request = { id, flavor: this.flavor, buffer, start: dictLength, plan: exact ? null : this.plan, last };
            worker.postMessage(request, [buffer]);
        });
    }
    async close() {
        await Promise.all(this.workers.map((w) => w.terminate()));
        this.workers.length = 0;
    }
}

;// CONCATENATED MODULE: ./src/compress/compress.ts
// Gzip size estimate of a layer, computed while it streams past. The layer is
// cut into blocks that are deflated at level 6 in parallel on libuv's worker
// threads (zlib's async API), each primed with the previous block's last
// 32 KiB as dictionary, as pigz does; so the matches a single stream would
// find across block boundaries are still found and the total is within a few
// bytes per block of one gzip stream. With a Go model (deflate-pool.ts) the
// blocks go to its workers instead, cut and primed as that Go release's
// compress/flate needs (push-flavor.ts). Memory: at most `concurrency` blocks.



const GZIP_LEVEL = 6;
/** gzip header (10 bytes) + trailer (CRC32 + size, 8 bytes). */
const GZIP_FRAMING = 18;
const WINDOW = 32 * 1024;
class LayerCompressor {
    blockSize;
    concurrency;
    goPool;
    layout;
    /** Bytes of the previous block a block is primed with. */
    window;
    parts = [];
    partBytes = 0;
    dictionary = null;
    inFlight = new Set();
    compressed = 0;
    failure = null;
    /** Go model: each block's segments, in order. */
    segments = [];
    /** Bytes already sent to be modelled. */
    bytesSent = 0;
    /** Bytes of input taken. */
    bytesIn = 0;
    constructor(options = {}) {
        this.goPool = options.goPool ?? null;
        this.layout = this.goPool ? FLAVOR_LAYOUT[this.goPool.flavor] : null;
        // Go 1.27 deflates in 65535-byte chunks: blocks that start on a chunk are modelled as Go sees them.
        const chunk = this.layout?.chunkBytes ?? 1;
        this.blockSize = Math.max(chunk, Math.floor((options.blockSize ?? 4 * 1024 * 1024) / chunk) * chunk);
        this.window = this.layout?.dictionaryBytes ?? WINDOW;
        this.concurrency = options.concurrency ?? 2;
    }
    /** Takes a chunk; resolves once there is room for more (backpressure). */
    async write(chunk) {
        this.bytesIn += chunk.length;
        let pos = 0;
        while (pos < chunk.length) {
            // A full block is sent once more data follows it: the last block ends the stream (finish).
            if (this.partBytes === this.blockSize)
                await this.flushBlock(false);
            const take = Math.min(this.blockSize - this.partBytes, chunk.length - pos);
            // Stream chunks are never reused by their producer, so a view is enough.
            this.parts.push(chunk.subarray(pos, pos + take));
            this.partBytes += take;
            pos += take;
        }
    }
    /** Compressed size of everything written, as one gzip member. */
    async finish() {
        await this.flushBlock(true);
        await Promise.all(this.inFlight);
        if (this.failure)
            throw this.failure;
        if (this.layout)
            return this.layout.gzipBytesFromBits(this.segments.reduce((bits, s) => addSegments(bits, s), 0));
        return this.compressed + GZIP_FRAMING;
    }
    async flushBlock(last) {
        if (this.partBytes === 0 && !last)
            return;
        const block = this.parts.length === 1 ? this.parts[0] : Buffer.concat(this.parts, this.partBytes);
        this.parts = [];
        this.partBytes = 0;
        const exact = this.bytesSent < (this.layout?.exactLeadBytes ?? 0);
        this.bytesSent += block.length;
        const dictionary = this.dictionary;
        const window = this.window;
        this.dictionary = block.length >= window ? block.subarray(block.length - window) : block.length > 0 ? Buffer.concat([dictionary ?? Buffer.alloc(0), block]).subarray(-window) : dictionary;
        // A non-final block ends its deflate block without byte alignment (Z_BLOCK), as a single stream would carry on.
        const options = { level: GZIP_LEVEL, finishFlush: last ? (external_node_zlib_default()).constants.Z_FINISH : (external_node_zlib_default()).constants.Z_BLOCK };
        if (dictionary)
            options.dictionary = dictionary;
        while (this.inFlight.size >= this.concurrency)
            await Promise.race(this.inFlight);
        if (this.goPool) {
            const slot = this.segments.length;
            this.segments.push([]);
            const goJob = this.goPool
                .run(dictionary, block, last, exact)
                .then((segments) => void (this.segments[slot] = segments), (error) => void (this.failure = error))
                .then(() => void this.inFlight.delete(goJob));
            this.inFlight.add(goJob);
            return;
        }
        const job = new Promise((resolve) => {
            external_node_zlib_default().deflateRaw(block, options, (error, out) => {
                if (error)
                    this.failure = error;
                else
                    this.compressed += out.length;
                resolve();
            });
        }).then(() => void this.inFlight.delete(job));
        this.inFlight.add(job);
    }
}

;// CONCATENATED MODULE: ./src/image/pclntab.ts
// The function names of a Go binary, from its pclntab (the runtime's own
// table for stack traces, which `-ldflags="-s -w"` keeps), and what they say
// the program needs at run time. The linker drops unreachable functions, so a
// name in the table is code the program can run, whichever module it lives in.
// Formats: Go 1.2–1.15 (magic 0xfffffffb), 1.16–1.17 (0xfffffffa), 1.18–1.19
// (0xfffffff0) and 1.20+ (0xfffffff1), as Go's debug/gosym reads them.
const MAGICS = new Map([
    [0xfffffffb, 'go1.2'],
    [0xfffffffa, 'go1.16'],
    [0xfffffff0, 'go1.18'],
    [0xfffffff1, 'go1.18']
]);
/** A pclntab header at `at`: magic, two zero pads, an instruction quantum (1, 2, 4) and a pointer size (4, 8). */
function tableAt(buf, at) {
    if (at < 0 || at + 16 > buf.length || buf[at + 4] !== 0 || buf[at + 5] !== 0)
        return null;
    if (![1, 2, 4].includes(buf[at + 6]) || ![4, 8].includes(buf[at + 7]))
        return null;
    for (const le of [true, false]) {
        const version = MAGICS.get(le ? buf.readUInt32LE(at) : buf.readUInt32BE(at));
        if (version)
            return { at, version, le, ptr: buf[at + 7] };
    }
    return null;
}
/** Finds the table: by section name (`.gopclntab`, or `.data.rel.ro.gopclntab` in PIE builds), else by its header. */
function findPclntab(buf, sections) {
    for (const name of ['.gopclntab', '.data.rel.ro.gopclntab']) {
        const s = sections.find((x) => x.name === name);
        const table = s ? tableAt(buf, s.offset) : null;
        if (table)
            return table;
    }
    for (const magic of MAGICS.keys()) {
        const le = Buffer.alloc(4);
        le.writeUInt32LE(magic);
        for (const bytes of [le, Buffer.from(le).reverse()]) {
            for (let at = buf.indexOf(bytes); at >= 0; at = buf.indexOf(bytes, at + 1)) {
                const table = tableAt(buf, at);
                if (table)
                    return table;
            }
        }
    }
    return null;
}
function cString(buf, at) {
    const end = buf.indexOf(0, at);
    return buf.toString('latin1', at, end < 0 ? Math.min(buf.length, at + 512) : end);
}
/** Every function name in the table (inlined functions included from Go 1.16 on); [] when unreadable. */
function pclntabFunctionNames(buf, table) {
    const { at, le, ptr } = table;
    const word = (i) => {
        const o = at + 8 + i * ptr;
        if (o + ptr > buf.length)
            return -1;
        return ptr === 8 ? Number(le ? buf.readBigUInt64LE(o) : buf.readBigUInt64BE(o)) : le ? buf.readUInt32LE(o) : buf.readUInt32BE(o);
    };
    if (table.version !== 'go1.2') {
        // Go 1.16+: the names sit together in funcnametab, NUL-separated, up to the compilation-unit table.
        const [nameOff, cuOff] = table.version === 'go1.18' ? [word(3), word(4)] : [word(2), word(3)];
        const start = at + nameOff;
        const end = at + cuOff;
        if (nameOff < 0 || cuOff < nameOff || end > buf.length)
            return [];
        return buf
            .toString('latin1', start, end)
            .split('\0')
            .filter((n) => n !== '');
    }
    // Go 1.2–1.15: a function table of (pc, func offset) pairs; each func record holds its name offset.
    const nfunc = word(0);
    const names = [];
    for (let i = 0; i < nfunc && i < 2_000_000; i++) {
        const funcOff = word(1 + 2 * i + 1);
        const rec = at + funcOff;
        if (funcOff < 0 || rec + ptr + 4 > buf.length)
            break;
        const nameOff = le ? buf.readInt32LE(rec + ptr) : buf.readInt32BE(rec + ptr);
        if (nameOff > 0 && at + nameOff < buf.length)
            names.push(cString(buf, at + nameOff));
    }
    return names;
}
const SYSTEM_ROOTS = ['crypto/x509.systemRootsPool', 'crypto/x509.initSystemRoots', 'crypto/x509.loadSystemRoots'];
/** The needs, from function names. */
function runtimeNeeds(names) {
    const needs = {
        systemRoots: false,
        embedsRoots: false,
        loadsZones: false,
        embedsTzdata: false,
        usersLookup: false,
        cgoResolver: false,
        cgo: false,
        source: 'pclntab'
    };
    for (const name of names) {
        if (SYSTEM_ROOTS.includes(name))
            needs.systemRoots = true;
        else if (name.startsWith('golang.org/x/crypto/x509roots/fallback.'))
            needs.embedsRoots = true;
        else if (name === 'time.LoadLocation')
            needs.loadsZones = true;
        else if (name.startsWith('time/tzdata.'))
            needs.embedsTzdata = true;
        else if (name.startsWith('os/user.'))
            needs.usersLookup = true;
        else if (/^net\._C2?func_getaddrinfo$/.test(name))
            needs.cgoResolver = true;
        else if (name.startsWith('runtime/cgo.') || name === '_cgo_init' || name === 'x_cgo_init')
            needs.cgo = true;
    }
    return needs;
}

;// CONCATENATED MODULE: ./src/image/gobinary.ts
// Go binary facts from the bytes of an executable, in TypeScript: the ELF
// headers say static (no PT_INTERP) and stripped (no .symtab); the Go build
// info blob (`\xff Go buildinf:`) says the Go version, main module,
// dependencies and build settings (CGO_ENABLED, -trimpath, -ldflags).
// Same rules as Go's debug/buildinfo, for Go 1.13+ (pointer format) and 1.18+ (inline).
// Also what any ELF needs to start (its interpreter, DT_NEEDED libraries and
// search path) and, from the pclntab, what a Go program needs at run time.

const BUILDINFO_MAGIC = Buffer.from('\xff Go buildinf:', 'latin1');
const ELF_MAGIC = Buffer.from([0x7f, 0x45, 0x4c, 0x46]);
const PT_LOAD = 1;
const PT_DYNAMIC = 2;
const PT_INTERP = 3;
function isElf(head) {
    return head.length >= 4 && head.subarray(0, 4).equals(ELF_MAGIC);
}
function parseElf(buf) {
    if (buf.length < 52 || !isElf(buf))
        return null;
    const is64 = buf[4] === 2;
    const le = buf[5] === 1;
    const u16 = (o) => (le ? buf.readUInt16LE(o) : buf.readUInt16BE(o));
    const u32 = (o) => (le ? buf.readUInt32LE(o) : buf.readUInt32BE(o));
    const uptr = (o) => (is64 ? Number(le ? buf.readBigUInt64LE(o) : buf.readBigUInt64BE(o)) : u32(o));
    const phoff = is64 ? uptr(0x20) : u32(0x1c);
    const shoff = is64 ? uptr(0x28) : u32(0x20);
    const phentsize = u16(is64 ? 0x36 : 0x2a);
    const phnum = u16(is64 ? 0x38 : 0x2c);
    const shentsize = u16(is64 ? 0x3a : 0x2e);
    const shnum = u16(is64 ? 0x3c : 0x30);
    const shstrndx = u16(is64 ? 0x3e : 0x32);
    const programs = [];
    for (let i = 0; i < phnum; i++) {
        const o = phoff + i * phentsize;
        if (o + phentsize > buf.length)
            break;
        programs.push(is64 ? { type: u32(o), offset: uptr(o + 8), vaddr: uptr(o + 16), filesz: uptr(o + 32) } : { type: u32(o), offset: u32(o + 4), vaddr: u32(o + 8), filesz: u32(o + 16) });
    }
    const raw = [];
    for (let i = 0; i < shnum; i++) {
        const o = shoff + i * shentsize;
        if (o + shentsize > buf.length)
            break;
        raw.push(is64
            ? { nameOff: u32(o), type: u32(o + 4), addr: uptr(o + 16), offset: uptr(o + 24), size: uptr(o + 32) }
            : { nameOff: u32(o), type: u32(o + 4), addr: u32(o + 12), offset: u32(o + 16), size: u32(o + 20) });
    }
    const strtab = raw[shstrndx];
    const sections = raw.map((s) => {
        let name = '';
        if (strtab && strtab.offset + s.nameOff < buf.length) {
            const start = strtab.offset + s.nameOff;
            const end = buf.indexOf(0, start);
            name = buf.toString('latin1', start, end < 0 ? start : end);
        }
        return { name, type: s.type, offset: s.offset, addr: s.addr, size: s.size };
    });
    return { is64, le, machine: u16(18), programs, sections };
}
/** File offset of a virtual address, through the PT_LOAD segments; -1 outside them. */
function fileOffset(elf, addr) {
    const seg = elf.programs.find((p) => p.type === PT_LOAD && addr >= p.vaddr && addr < p.vaddr + p.filesz);
    return seg ? addr - seg.vaddr + seg.offset : -1;
}
const DT_NEEDED = 1;
const DT_STRTAB = 5;
const DT_SONAME = 14;
const DT_RPATH = 15;
const DT_RUNPATH = 29;
/** The interpreter and the libraries an ELF file asks the loader for; null when not ELF. */
function readElfLinking(buf) {
    const elf = parseElf(buf);
    if (!elf)
        return null;
    const cString = (at) => {
        const end = buf.indexOf(0, at);
        return buf.toString('latin1', at, end < 0 ? at : end);
    };
    const interpSeg = elf.programs.find((p) => p.type === PT_INTERP);
    const interp = interpSeg && interpSeg.offset < buf.length ? cString(interpSeg.offset) : null;
    const dynamic = elf.programs.find((p) => p.type === PT_DYNAMIC);
    const entries = [];
    if (dynamic) {
        const size = elf.is64 ? 16 : 8;
        for (let o = dynamic.offset; o + size <= Math.min(buf.length, dynamic.offset + dynamic.filesz); o += size) {
            const tag = elf.is64 ? Number(elf.le ? buf.readBigInt64LE(o) : buf.readBigInt64BE(o)) : elf.le ? buf.readInt32LE(o) : buf.readInt32BE(o);
            if (tag === 0)
                break;
            const value = elf.is64 ? Number(elf.le ? buf.readBigUInt64LE(o + 8) : buf.readBigUInt64BE(o + 8)) : elf.le ? buf.readUInt32LE(o + 4) : buf.readUInt32BE(o + 4);
            entries.push([tag, value]);
        }
    }
    const strtab = fileOffset(elf, entries.find(([t]) => t === DT_STRTAB)?.[1] ?? -1);
    const str = (off) => (strtab >= 0 && strtab + off < buf.length ? cString(strtab + off) : '');
    const values = (tag) => entries
        .filter(([t]) => t === tag)
        .map(([, v]) => str(v))
        .filter((v) => v !== '');
    const runpath = values(DT_RUNPATH).length > 0 ? values(DT_RUNPATH) : values(DT_RPATH);
    return {
        interp: interp || null,
        needed: values(DT_NEEDED),
        runpath: runpath.flatMap((p) => p.split(':')).filter((p) => p !== ''),
        soname: values(DT_SONAME)[0] ?? null,
        machine: elf.machine,
        is64: elf.is64
    };
}
/** Where the build info blob starts: the .go.buildinfo section, else a 16-aligned search for the magic. */
function findBuildInfo(buf, elf) {
    const section = elf.sections.find((s) => s.name === '.go.buildinfo');
    if (section && buf.subarray(section.offset, section.offset + 14).equals(BUILDINFO_MAGIC))
        return section.offset;
    for (let at = buf.indexOf(BUILDINFO_MAGIC); at >= 0; at = buf.indexOf(BUILDINFO_MAGIC, at + 1)) {
        if (at % 16 === 0)
            return at;
    }
    return -1;
}
function readVarint(buf, pos) {
    let value = 0;
    let shift = 0;
    for (;;) {
        const b = buf[pos++];
        if (b === undefined)
            return [-1, pos];
        value += (b & 0x7f) * 2 ** shift;
        if (!(b & 0x80))
            return [value, pos];
        shift += 7;
    }
}
/** Version and module info strings from the blob at `at` (both formats). */
function readBuildInfo(buf, elf, at) {
    const ptrSize = buf[at + 14];
    const flags = buf[at + 15];
    if (flags & 2) {
        // Go 1.18+: two varint-prefixed strings right after the 32-byte header.
        let pos = at + 32;
        const [vlen, p1] = readVarint(buf, pos);
        if (vlen < 0)
            return null;
        const version = buf.toString('utf8', p1, p1 + vlen);
        pos = p1 + vlen;
        const [mlen, p2] = readVarint(buf, pos);
        if (mlen < 0)
            return null;
        return { version, modinfo: buf.toString('latin1', p2, p2 + mlen) };
    }
    // Go 1.13–1.17: pointers to Go string headers, to be mapped through the PT_LOAD segments.
    const le = !(flags & 1);
    const readPtr = (o) => (ptrSize === 8 ? Number(le ? buf.readBigUInt64LE(o) : buf.readBigUInt64BE(o)) : le ? buf.readUInt32LE(o) : buf.readUInt32BE(o));
    const toOffset = (addr) => fileOffset(elf, addr);
    const readString = (ptr) => {
        const h = toOffset(ptr);
        if (h < 0 || h + 2 * ptrSize > buf.length)
            return null;
        const data = toOffset(readPtr(h));
        const len = readPtr(h + ptrSize);
        if (data < 0 || data + len > buf.length)
            return null;
        return buf.toString('latin1', data, data + len);
    };
    const version = readString(readPtr(at + 16));
    const modinfo = readString(readPtr(at + 16 + ptrSize));
    return version === null ? null : { version, modinfo: modinfo ?? '' };
}
/** Facts about `buf` if it is a Go ELF executable, else null. */
function readGoBinary(buf) {
    const elf = parseElf(buf);
    if (!elf)
        return null;
    const at = findBuildInfo(buf, elf);
    if (at < 0)
        return null;
    const info = readBuildInfo(buf, elf, at);
    if (!info)
        return null;
    // The module info is wrapped in 16-byte sentinels.
    const modinfo = info.modinfo.length >= 33 && info.modinfo.charCodeAt(info.modinfo.length - 17) === 0x0a ? info.modinfo.slice(16, -16) : info.modinfo;
    let module = null;
    let mainPackage = null;
    const deps = [];
    const settings = {};
    for (const line of Buffer.from(modinfo, 'latin1').toString('utf8').split('\n')) {
        const [kind, a, b] = line.split('\t');
        if (kind === 'path')
            mainPackage = a ?? null;
        else if (kind === 'mod')
            module = a ?? null;
        else if (kind === 'dep')
            deps.push(a);
        else if (kind === 'build' && a) {
            const eq = a.indexOf('=');
            if (eq > 0)
                settings[a.slice(0, eq)] = unquote(a.slice(eq + 1) + (b !== undefined ? `\t${b}` : ''));
        }
    }
    const dynamic = elf.programs.some((p) => p.type === PT_INTERP);
    const cgoSetting = settings.CGO_ENABLED;
    const pclntab = findPclntab(buf, elf.sections);
    const names = pclntab ? pclntabFunctionNames(buf, pclntab) : [];
    return {
        goVersion: info.version || null,
        module: module ?? mainPackage,
        mainPackage,
        static: !dynamic,
        stripped: !elf.sections.some((s) => s.name === '.symtab'),
        symbolBytes: elf.sections.filter((s) => isSymbolSection(s.name) && s.type !== SHT_NOBITS).reduce((sum, s) => sum + s.size, 0),
        // The setting is authoritative; without it (old toolchains), dynamic linking means cgo.
        cgo: cgoSetting !== undefined ? cgoSetting === '1' : dynamic ? true : null,
        trimpath: settings['-trimpath'] !== undefined ? settings['-trimpath'] === 'true' : Object.keys(settings).length > 0 ? false : null,
        ldflags: settings['-ldflags'] ?? null,
        packages: [...(module ? [module] : []), ...deps],
        settings,
        needs: names.length > 0 ? runtimeNeeds(names) : null
    };
}
const SHT_NOBITS = 8;
const isSymbolSection = (name) => name === '.symtab' || name === '.strtab' || name.startsWith('.debug_') || name.startsWith('.zdebug_');
/** Build setting values with spaces are quoted Go strings. */
function unquote(value) {
    if (value.startsWith('"') && value.endsWith('"')) {
        try {
            return JSON.parse(value);
        }
        catch {
            return value.slice(1, -1);
        }
    }
    return value;
}

;// CONCATENATED MODULE: ./src/image/tar.ts
// A push-based tar reader: feed it chunks, it calls back with each entry's
// header and then its data, piece by piece, without buffering entry contents.
// Handles ustar/GNU/PAX headers (long names, large sizes). Used twice over a
// `docker save` stream: for the outer archive and for each layer tar inside it.
const BLOCK = 512;
/** Thrown when the archive ends inside an entry or a header is damaged. */
class TarError extends Error {
    name = 'TarError';
}
class TarReader {
    onEntry;
    pending = [];
    pendingBytes = 0;
    /** Data bytes left in the current entry, then padding to skip. */
    remaining = 0;
    padding = 0;
    sink = null;
    inEntry = false;
    longName = null;
    longLink = null;
    pax = {};
    globalPax = {};
    ended = false;
    /** Bytes consumed so far (for error messages). */
    offset = 0;
    constructor(onEntry) {
        this.onEntry = onEntry;
    }
    /** Feeds the next chunk; resolves when the sinks have taken it. */
    async write(chunk) {
        let pos = 0;
        while (pos < chunk.length && !this.ended) {
            if (this.inEntry) {
                const take = Math.min(this.remaining, chunk.length - pos);
                if (take > 0) {
                    const piece = chunk.subarray(pos, pos + take);
                    pos += take;
                    this.remaining -= take;
                    this.offset += take;
                    if (this.sink) {
                        const r = this.sink.data(piece);
                        if (r)
                            await r;
                    }
                }
                if (this.remaining === 0) {
                    const skip = Math.min(this.padding, chunk.length - pos);
                    pos += skip;
                    this.padding -= skip;
                    this.offset += skip;
                    if (this.padding === 0) {
                        this.inEntry = false;
                        const sink = this.sink;
                        this.sink = null;
                        if (sink) {
                            const r = sink.end();
                            if (r)
                                await r;
                        }
                    }
                }
                continue;
            }
            // Collect a full header block.
            const need = BLOCK - this.pendingBytes;
            const take = Math.min(need, chunk.length - pos);
            this.pending.push(chunk.subarray(pos, pos + take));
            this.pendingBytes += take;
            pos += take;
            if (this.pendingBytes < BLOCK)
                continue;
            const block = this.pending.length === 1 ? this.pending[0] : Buffer.concat(this.pending);
            this.pending = [];
            this.pendingBytes = 0;
            this.offset += BLOCK;
            await this.header(block);
        }
    }
    /** Call after the last chunk: fails if the archive stopped inside an entry. */
    end() {
        if (this.inEntry) {
            throw new TarError(`the archive ends early, inside an entry (at byte ${this.offset}, ${this.remaining + this.padding} bytes missing)`);
        }
        if (this.pendingBytes > 0)
            throw new TarError(`the archive ends early, inside a tar header (at byte ${this.offset + this.pendingBytes})`);
    }
    /** True once the end-of-archive marker (a zero block) was read. */
    get finished() {
        return this.ended;
    }
    async header(block) {
        if (isZeroBlock(block)) {
            this.ended = true;
            return;
        }
        if (!checksumOk(block))
            throw new TarError(`damaged tar header at byte ${this.offset - BLOCK}`);
        const typeflag = String.fromCharCode(block[156] || 0x30);
        const size = readNumber(block, 124, 12);
        const dataBlocks = Math.ceil(size / BLOCK) * BLOCK;
        // Meta entries whose data describes the next entry: read them whole (they are small).
        if (typeflag === 'L' || typeflag === 'K' || typeflag === 'x' || typeflag === 'g') {
            const parts = [];
            await this.startEntry(size, dataBlocks - size, {
                data: (c) => void parts.push(Buffer.from(c)),
                end: () => {
                    const body = Buffer.concat(parts);
                    if (typeflag === 'L')
                        this.longName = tar_cString(body);
                    else if (typeflag === 'K')
                        this.longLink = tar_cString(body);
                    else
                        Object.assign(typeflag === 'x' ? this.pax : this.globalPax, parsePax(body));
                }
            });
            return;
        }
        const pax = { ...this.globalPax, ...this.pax };
        let path = this.longName ?? pax.path ?? ustarName(block);
        const linkname = this.longLink ?? pax.linkpath ?? tar_cString(block.subarray(157, 257));
        const realSize = pax.size !== undefined ? Number(pax.size) : size;
        this.longName = this.longLink = null;
        this.pax = {};
        if (path.startsWith('./'))
            path = path.slice(2);
        const header = {
            path,
            type: TYPES[typeflag] ?? 'other',
            size: realSize,
            mode: readNumber(block, 100, 8),
            linkname,
            typeflag,
            uid: readNumber(block, 108, 8),
            gid: readNumber(block, 116, 8),
            mtime: pax.mtime !== undefined ? Math.floor(Number(pax.mtime)) : readNumber(block, 136, 12),
            devmajor: readNumber(block, 329, 8),
            devminor: readNumber(block, 337, 8),
            uname: pax.uname ?? tar_cString(block.subarray(265, 297)),
            gname: pax.gname ?? tar_cString(block.subarray(297, 329))
        };
        const sink = this.onEntry(header);
        await this.startEntry(realSize, Math.ceil(realSize / BLOCK) * BLOCK - realSize, sink);
    }
    async startEntry(size, padding, sink) {
        this.remaining = size;
        this.padding = padding;
        this.sink = sink;
        this.inEntry = true;
        if (size === 0 && padding === 0) {
            // Nothing to read: end the entry right away.
            this.inEntry = false;
            this.sink = null;
            if (sink)
                await sink.end();
        }
    }
}
const TYPES = { '0': 'file', '\0': 'file', '7': 'file', '1': 'link', '2': 'symlink', '5': 'directory' };
function isZeroBlock(block) {
    for (let i = 0; i < BLOCK; i++)
        if (block[i] !== 0)
            return false;
    return true;
}
function checksumOk(block) {
    const stored = readNumber(block, 148, 8);
    let sum = 0;
    for (let i = 0; i < BLOCK; i++)
        sum += i >= 148 && i < 156 ? 32 : block[i];
    return stored === sum;
}
/** Octal, or GNU base-256 when the high bit is set (sizes over 8 GB). */
function readNumber(block, offset, length) {
    if (block[offset] & 0x80) {
        let value = block[offset] & 0x7f;
        for (let i = 1; i < length; i++)
            value = value * 256 + block[offset + i];
        return value;
    }
    const text = block
        .toString('latin1', offset, offset + length)
        .replace(/\0.*$/s, '')
        .trim();
    return text === '' ? 0 : parseInt(text, 8);
}
function tar_cString(buf) {
    const nul = buf.indexOf(0);
    return buf.toString('utf8', 0, nul < 0 ? buf.length : nul);
}
function ustarName(block) {
    const name = tar_cString(block.subarray(0, 100));
    const magic = block.toString('latin1', 257, 262);
    if (magic === 'ustar') {
        const prefix = tar_cString(block.subarray(345, 500));
        if (prefix)
            return `${prefix}/${name}`;
    }
    return name;
}
function parsePax(body) {
    const out = {};
    let pos = 0;
    while (pos < body.length) {
        const space = body.indexOf(0x20, pos);
        if (space < 0)
            break;
        const len = parseInt(body.toString('latin1', pos, space), 10);
        if (!len)
            break;
        const record = body.toString('utf8', space + 1, pos + len - 1);
        const eq = record.indexOf('=');
        if (eq > 0)
            out[record.slice(0, eq)] = record.slice(eq + 1);
        pos += len;
    }
    return out;
}

;// CONCATENATED MODULE: ./src/image/save.ts
// Reading a `docker save` stream once, without a temp copy: the small JSON
// files (manifest.json, index.json, the image config) are kept; each layer is
// hashed (its sha256 is its diff id), its tar headers are read for file
// records, Go executables in it are parsed, and, when asked, its gzip size is
// estimated as it streams. Both layouts: legacy (`<id>/layer.tar`,
// manifest.json last; Docker ≤ 24) and OCI (`blobs/sha256/…`, Docker 25+,
// skopeo's oci-archive), layer blobs plain or gzip (sniffed).






const JSON_LIMIT = 32 * 1024 * 1024;
/** Reads the save stream; throws a clear error when it ends early or is not an image archive. */
async function scanSaveStream(stream, options) {
    const jsonFiles = new Map();
    const layers = new Map();
    let bytesRead = 0;
    const outer = new TarReader((header) => {
        if (header.type !== 'file')
            return null;
        const name = header.path;
        if (/\.json$|^index\.json$|^oci-layout$|\/json$|^repositories$/.test(name) && header.size <= JSON_LIMIT)
            return collect(name, jsonFiles);
        if (/(^|\/)layer\.tar$|^blobs\//.test(name))
            return blobSink(name, header, layers, jsonFiles, options);
        return null;
    });
    for await (const chunk of stream) {
        bytesRead += chunk.length;
        await outer.write(chunk);
    }
    try {
        outer.end();
    }
    catch (error) {
        if (error instanceof TarError)
            throw new TarError(`${options.source ?? 'docker save stream'} ended early after ${bytesRead} bytes: ${error.message}`);
        throw error;
    }
    if (bytesRead === 0)
        throw new TarError(`${options.source ?? 'docker save stream'} is empty`);
    return assemble(jsonFiles, layers, bytesRead);
}
function collect(name, into) {
    const parts = [];
    return { data: (c) => void parts.push(Buffer.from(c)), end: () => void into.set(name, Buffer.concat(parts)) };
}
/** A blob: JSON (OCI configs and manifests) is kept, anything else is scanned as a layer. */
function blobSink(name, header, layers, jsonFiles, options) {
    let delegate = null;
    return {
        data(chunk) {
            if (!delegate) {
                const digest = /^blobs\/sha256\/([0-9a-f]{64})$/.exec(name)?.[1];
                const cached = digest && chunk[0] !== 0x7b ? (options.cachedBlob?.(`sha256:${digest}`) ?? null) : null;
                if (chunk[0] === 0x7b && header.size <= JSON_LIMIT)
                    delegate = collect(name, jsonFiles);
                else if (cached)
                    delegate = cachedBlobSink(name, digest, header.size, cached, layers);
                else
                    delegate = layerSink(name, header.size, chunk[0] === 0x1f && chunk[1] === 0x8b, layers, options);
            }
            return delegate.data(chunk);
        },
        end() {
            return delegate?.end();
        }
    };
}
/** A blob already scanned: hashed to prove it is the blob the cache knows, its scan taken from the cache. */
function cachedBlobSink(entryPath, digest, blobBytes, cached, layers) {
    const hash = (0,external_node_crypto_namespaceObject.createHash)('sha256');
    return {
        data: (chunk) => void hash.update(chunk),
        end() {
            if (hash.digest('hex') !== digest)
                throw new TarError(`the image archive's blob ${digest.slice(0, 12)} does not hash to its name`);
            const compressed = blobBytes;
            layers.set(entryPath, {
                entryPath,
                diffId: cached.diffId,
                tarBytes: cached.tarBytes,
                uncompressed: cached.uncompressed,
                compressed,
                compressedExact: true,
                files: cached.files,
                goBinaries: cached.goBinaries,
                origin: 'cache'
            });
        }
    };
}
function layerSink(entryPath, blobBytes, gzipped, layers, options) {
    const blobDigest = /^blobs\/sha256\/([0-9a-f]{64})$/.exec(entryPath);
    const scan = {
        entryPath,
        diffId: '',
        tarBytes: gzipped ? 0 : blobBytes,
        uncompressed: 0,
        compressed: gzipped ? blobBytes : null,
        compressedExact: gzipped,
        files: [],
        goBinaries: []
    };
    const hash = (0,external_node_crypto_namespaceObject.createHash)('sha256');
    const compressor = !gzipped && options.shouldCompress({ entryPath, digest: blobDigest ? `sha256:${blobDigest[1]}` : null, tarBytes: blobBytes }) ? new LayerCompressor(options.compressor) : null;
    const inner = new TarReader((h) => innerEntry(h, scan, options.maxBinaryBytes ?? 256 * 1024 * 1024));
    const feedTar = async (chunk) => {
        hash.update(chunk);
        if (gzipped)
            scan.tarBytes += chunk.length;
        await inner.write(chunk);
    };
    const finishTar = () => {
        if (!inner.finished)
            inner.end();
        scan.diffId = `sha256:${hash.digest('hex')}`;
        layers.set(entryPath, scan);
    };
    if (!gzipped) {
        return {
            async data(chunk) {
                // The compressor copies; the tar reader and hash read the chunk before we return.
                const pending = compressor?.write(chunk);
                await feedTar(chunk);
                if (pending)
                    await pending;
            },
            async end() {
                if (compressor)
                    scan.compressed = await compressor.finish();
                finishTar();
            }
        };
    }
    const gunzip = external_node_zlib_default().createGunzip();
    let chain = Promise.resolve();
    let failure = null;
    gunzip.on('data', (d) => {
        chain = chain.then(() => feedTar(d)).catch((e) => void (failure = e));
    });
    const ended = new Promise((resolve, reject) => {
        gunzip.on('end', resolve);
        gunzip.on('error', reject);
    });
    return {
        async data(chunk) {
            await new Promise((resolve, reject) => gunzip.write(chunk, (e) => (e ? reject(e) : resolve())));
            await chain;
        },
        async end() {
            gunzip.end();
            await ended;
            await chain;
            if (failure)
                throw failure;
            finishTar();
        }
    };
}
/** Records one entry of a layer; buffers ELF executables to read their Go build info. */
function innerEntry(h, scan, maxBinaryBytes) {
    const record = fileRecord(h.path, h.type, h.type === 'file' ? h.size : 0);
    if (record)
        scan.files.push(record);
    // The classic size: regular files and symlink targets; a hard link's data is counted at its file.
    if (h.type === 'file')
        scan.uncompressed += h.size;
    else if (h.type === 'symlink')
        scan.uncompressed += Buffer.byteLength(h.linkname);
    if (h.type !== 'file' || h.size < 1024 || h.size > maxBinaryBytes || (h.mode & 0o111) === 0 || !record)
        return null;
    const parts = [];
    let bytes = 0;
    let elf = null;
    return {
        data(c) {
            if (elf === false)
                return;
            parts.push(Buffer.from(c));
            bytes += c.length;
            if (elf === null && bytes >= 4) {
                elf = isElf(parts.length === 1 ? parts[0] : Buffer.concat(parts));
                if (!elf)
                    parts.length = 0;
            }
        },
        end() {
            if (!elf)
                return;
            const facts = readGoBinary(Buffer.concat(parts));
            if (facts)
                scan.goBinaries.push({ path: `/${record.path}`, bytes: h.size, facts });
        }
    };
}
function assemble(jsonFiles, layers, bytesRead) {
    const parse = (name) => {
        const buf = jsonFiles.get(name);
        if (!buf)
            return null;
        try {
            return JSON.parse(buf.toString('utf8'));
        }
        catch {
            return null;
        }
    };
    // A damaged archive can hold JSON of the wrong shape: check every field we read, so
    // the reader fails with a TarError instead of a TypeError deep inside.
    const manifest = parse('manifest.json');
    const blobPath = (digest) => `blobs/${digest.replace(':', '/')}`;
    if (Array.isArray(manifest) && manifest.length > 0) {
        const entry = manifest[0];
        if (typeof entry?.Config !== 'string' || !isStringArray(entry.Layers))
            throw new TarError("the image archive's manifest.json is damaged");
        const config = imageConfig(parse(entry.Config), `the image archive has no config '${entry.Config}'`);
        // Docker 25+ writes an OCI layout with manifest.json too; its index gives exact blob sizes.
        const oci = entry.Layers.some((l) => l.startsWith('blobs/'));
        return { layout: oci ? 'oci' : 'legacy', layerPaths: entry.Layers, config, layers, ociLayerSizes: oci ? ociSizes(entry.Layers, layers) : null, bytesRead };
    }
    const index = parse('index.json');
    const first = Array.isArray(index?.manifests) ? index.manifests[0] : undefined;
    if (!isDescriptor(first))
        throw new TarError('not an image archive: neither manifest.json nor index.json found');
    let imageManifest = parse(blobPath(first.digest));
    // An index may point to another index (multi-platform archives): take its first manifest.
    const nested = Array.isArray(imageManifest?.manifests) ? imageManifest.manifests[0] : undefined;
    if (isDescriptor(nested))
        imageManifest = parse(blobPath(nested.digest));
    const manifestLayers = imageManifest?.layers;
    if (!isDescriptor(imageManifest?.config) || !Array.isArray(manifestLayers) || !manifestLayers.every(isDescriptor)) {
        throw new TarError('the OCI archive has no image manifest');
    }
    const config = imageConfig(parse(blobPath(imageManifest.config.digest)), 'the OCI archive has no image config');
    const layerPaths = manifestLayers.map((l) => blobPath(l.digest));
    const ociLayerSizes = new Map(manifestLayers.map((l) => [blobPath(l.digest), l.size]));
    return { layout: 'oci', layerPaths, config, layers, ociLayerSizes, bytesRead };
}
const isStringArray = (value) => Array.isArray(value) && value.every((v) => typeof v === 'string');
function isDescriptor(value) {
    const d = value;
    return typeof d === 'object' && d !== null && typeof d.digest === 'string' && typeof d.size === 'number';
}
/** The config, if it has the shape the measurement reads (diff ids, history rows). */
function imageConfig(value, missing) {
    if (typeof value !== 'object' || value === null)
        throw new TarError(missing);
    const config = value;
    const rootfs = config.rootfs;
    const history = config.history;
    const rowsOk = history === undefined || (Array.isArray(history) && history.every((h) => typeof h === 'object' && h !== null));
    const idsOk = rootfs === undefined || (typeof rootfs === 'object' && rootfs !== null && (config.rootfs?.diff_ids === undefined || isStringArray(config.rootfs.diff_ids)));
    if (!rowsOk || !idsOk)
        throw new TarError('the image config in the archive is damaged');
    return config;
}
function ociSizes(paths, layers) {
    const sizes = new Map();
    for (const p of paths) {
        const scan = layers.get(p);
        if (scan?.compressedExact && scan.compressed !== null)
            sizes.set(p, scan.compressed);
    }
    return sizes;
}

;// CONCATENATED MODULE: ./src/image/tar-writer.ts
/**
 * A ustar header block as Go's archive/tar writes it: a PAX record first for
 * names or link names that do not fit (`longNames: 'pax'` always uses one for
 * a long name, never ustar's prefix field).
 */
function tarHeaderBlock(h, options = {}) {
    const typeflag = h.typeflag ?? { file: '0', link: '1', symlink: '2', directory: '5', other: '0' }[h.type];
    const pax = [];
    let name = h.path;
    let prefix = '';
    if (Buffer.byteLength(name) > 100) {
        // ustar's prefix field holds up to 155 bytes of the directory part.
        const cut = name.lastIndexOf('/', name.length - 2);
        if (options.longNames !== 'pax' && cut > 0 && Buffer.byteLength(name.slice(0, cut)) <= 155 && Buffer.byteLength(name.slice(cut + 1)) <= 100) {
            prefix = name.slice(0, cut);
            name = name.slice(cut + 1);
        }
        else {
            pax.push(paxRecord('path', h.path));
            name = name.slice(0, 99);
        }
    }
    if (Buffer.byteLength(h.linkname) > 100)
        pax.push(paxRecord('linkpath', h.linkname));
    const main = ustarBlock(name, prefix, h.size, typeflag, h.mode, h.linkname.slice(0, 100), h);
    if (pax.length === 0)
        return main;
    const body = Buffer.from(pax.join(''));
    const paxHeader = ustarBlock(`PaxHeaders.0/${name}`.slice(0, 99), '', body.length, 'x', 0o644, '', h);
    return Buffer.concat([paxHeader, body, Buffer.alloc((512 - (body.length % 512)) % 512), main]);
}
function paxRecord(key, value) {
    const body = ` ${key}=${value}\n`;
    const bodyBytes = Buffer.byteLength(body);
    let len = bodyBytes + 1;
    while (String(len).length + bodyBytes !== len)
        len = String(len).length + bodyBytes;
    return `${len}${body}`;
}
function ustarBlock(name, prefix, size, typeflag, mode, linkname, h) {
    const block = Buffer.alloc(512);
    const octal = (value, offset, length) => block.write(value.toString(8).padStart(length - 1, '0') + '\0', offset, 'latin1');
    block.write(name, 0, 100, 'utf8');
    octal(mode, 100, 8);
    octal(h.uid ?? 0, 108, 8);
    octal(h.gid ?? 0, 116, 8);
    octal(size, 124, 12);
    octal(h.mtime ?? 0, 136, 12);
    block.write('        ', 148, 'latin1');
    block.write(typeflag, 156, 'latin1');
    block.write(linkname, 157, 100, 'utf8');
    block.write('ustar\x0000', 257, 'latin1');
    block.write(h.uname ?? '', 265, 32, 'utf8');
    block.write(h.gname ?? '', 297, 32, 'utf8');
    octal(h.devmajor ?? 0, 329, 8);
    octal(h.devminor ?? 0, 337, 8);
    block.write(prefix, 345, 155, 'utf8');
    let sum = 0;
    for (const b of block)
        sum += b;
    block.write(sum.toString(8).padStart(6, '0') + '\0 ', 148, 'latin1');
    return block;
}

;// CONCATENATED MODULE: ./src/image/overlay.ts
// The fast path of a re-measurement: when every layer of an image is cached
// (by diff id) except a few top layers, read only those layers, straight from
// the daemon's overlay2 diff directories, instead of the whole `docker save`
// (Docker 20.10 prepares the whole export before its first byte).
//
// `docker image inspect` names the diff directories (GraphDriver.Data.UpperDir
// is the top layer's, LowerDir the next ones down, in order). The daemon
// streams a directory as a tar to a non-root client: a container (never
// started) with the directory bind-mounted read-only, then `docker cp`. The
// image config (for the history pairing) comes the same way, from the
// daemon's image store, and must hash to the image id.
//
// overlay2 keeps a layer in its own representation, which this turns back into
// the layer tar's semantics: a character device 0:0 is a whiteout
// (`.wh.<name>`); an opaque directory (`.wh..wh..opq` in the tar) is only an
// xattr (`trusted.overlay.opaque=y`), which `docker cp` does not carry. An
// opaque directory is found by a probe in the container's merged view instead:
// a file that survives below the layer, under a directory the layer has,
// whose path the layer does not touch otherwise, is visible in the merged view
// unless that directory (or, equivalently for every result here, a directory
// above it in the same layer) is opaque. A directory that cannot be probed
// that way (no such file, only files the init layer or a higher layer could
// hide or show, too many probes) sends the measurement back to the save
// stream. Any other doubt (another graph driver, a directory that is not
// there, `docker cp` failing, a config that does not hash to the image id)
// does too: `OverlayUnavailable` is thrown and the caller falls back.
//
// Limits: overlay2 only (not the containerd snapshotter, devicemapper, btrfs,
// zfs, vfs); the directories are paths on the daemon's host, so a remote
// daemon works as long as it uses overlay2 (the checks above still hold);
// the tar is re-serialised from the directory, so its gzip estimate differs
// from the save stream's by the header bytes (mtimes, owner names): well
// under 1% for layers that are not millions of empty files.







/** Any reason the fast path cannot be taken (the caller falls back to `docker save`). */
class OverlayUnavailable extends Error {
    name = 'OverlayUnavailable';
}
const MOUNT = '.gib-layer';
const CONFIG_MOUNT = '.gib-config';
const MAX_PROBES = 64;
const MAX_PROBE_BYTES = 8 * 1024 * 1024;
/**
 * One entry of `docker cp <container>:/.gib-layerN -` as the layer tar has it:
 * the mount's name stripped (null for the mount itself), a character device
 * 0:0 turned into its whiteout file.
 */
function translateOverlayEntry(h, root) {
    const clean = h.path.replace(/\/+$/, '');
    if (clean === root)
        return null;
    if (!clean.startsWith(`${root}/`))
        throw new OverlayUnavailable(`docker cp gave an entry outside ${root}: ${h.path}`);
    const rel = h.path.slice(root.length + 1);
    if (h.typeflag === '3' && (h.devmajor ?? 0) === 0 && (h.devminor ?? 0) === 0) {
        const slash = clean.lastIndexOf('/');
        const dir = rel.slice(0, rel.replace(/\/+$/, '').lastIndexOf('/') + 1);
        // Docker writes a whiteout as an empty regular file, mode 0600, with the device's owner and times.
        return { ...h, path: `${dir}.wh.${clean.slice(slash + 1)}`, type: 'file', typeflag: '0', size: 0, mode: 0o600, linkname: '', devmajor: 0, devminor: 0 };
    }
    return { ...h, path: rel };
}
/** The header Docker writes for an opaque directory's marker (after the directory's own entry): its owner and permissions, no mtime. */
function opaqueMarker(dir, of) {
    return {
        path: `${dir.replace(/\/+$/, '')}/.wh..wh..opq`,
        type: 'file',
        typeflag: '0',
        size: 0,
        mode: (of?.mode ?? 0o755) & 0o777,
        linkname: '',
        uid: of?.uid ?? 0,
        gid: of?.gid ?? 0,
        uname: of?.uname ?? '',
        gname: of?.gname ?? '',
        mtime: 0,
        devmajor: 0,
        devminor: 0
    };
}
const overlay_parentOf = (p) => {
    const slash = p.lastIndexOf('/');
    return slash < 0 ? '' : p.slice(0, slash);
};
/** Paths a container's merged view may show without the image having them (the init layer, mount points). */
function initLayerPath(p) {
    return /^(\.dockerenv|etc\/(hosts|hostname|resolv\.conf|mtab)|(dev|proc|sys)(\/.*)?|\.gib-.*)$/.test(p);
}
/**
 * Which directories of `layer` need a probe for opacity, and with which file.
 * `lower`: the layers below it (their records, opaque markers included);
 * `higher`: the records of the layers above it in the image (a probe under a
 * path they touch could be hidden or shown by them, so it is not used).
 */
function planOpaqueProbes(lower, layer, higher = []) {
    const survivors = computeWasted(lower, 0).survivors;
    const sizes = new Map();
    for (const records of lower)
        for (const r of records)
            if (r.kind === 'file')
                sizes.set(r.path, r.size);
    const touched = new Set(layer.map((r) => r.path));
    const dirs = new Set(layer.filter((r) => r.kind === 'dir').map((r) => r.path));
    const above = new Set(higher.flat().map((r) => r.path));
    const best = new Map();
    const needed = new Set();
    for (const p of survivors.keys()) {
        let hidden = touched.has(p);
        let usable = !initLayerPath(p);
        for (let a = p; a !== '' && usable; a = overlay_parentOf(a))
            if (above.has(a))
                usable = false;
        for (let a = overlay_parentOf(p); a !== ''; a = overlay_parentOf(a)) {
            if (dirs.has(a) && !hidden) {
                needed.add(a);
                const size = sizes.get(p) ?? 0;
                const current = best.get(a);
                if (usable && size <= MAX_PROBE_BYTES && (!current || size < current.size || (size === current.size && p < current.path)))
                    best.set(a, { path: p, size });
            }
            if (touched.has(a))
                hidden = true;
        }
    }
    const probes = new Map([...best].map(([dir, probe]) => [dir, probe.path]));
    return { probes, unresolved: [...needed].filter((d) => !probes.has(d)).sort() };
}
/** The diff directory of each layer, bottom first, or an explanation of why there is none. */
function overlayLayerDirs(graphDriver, layerCount) {
    if (!graphDriver || graphDriver.name !== 'overlay2')
        throw new OverlayUnavailable(`graph driver ${graphDriver?.name ?? 'unknown'} is not overlay2`);
    const upper = graphDriver.data.UpperDir;
    const lowers = graphDriver.data.LowerDir ? graphDriver.data.LowerDir.split(':') : [];
    if (!upper || lowers.length !== layerCount - 1)
        throw new OverlayUnavailable(`overlay2 names ${lowers.length + (upper ? 1 : 0)} diff directories for ${layerCount} layers`);
    const dirs = [...lowers].reverse().concat(upper);
    // --mount is comma-separated: a path with a comma (or a quote) cannot be passed safely.
    if (dirs.some((d) => !d.startsWith('/') || /[,"\n]/.test(d)))
        throw new OverlayUnavailable('an overlay2 directory path cannot be mounted');
    return dirs;
}
/** Reads the layers from `input.lower.length` up, and the image config, from the daemon's overlay2 directories. */
async function readOverlayLayers(input) {
    const { diffIds, docker } = input;
    const n = diffIds.length;
    const first = input.lower.length;
    const dirs = overlayLayerDirs(input.graphDriver, n);
    const root = /^(\/.*)\/overlay2\/[^/]+\/diff$/.exec(dirs[n - 1])?.[1];
    const hex = /^sha256:([0-9a-f]{64})$/.exec(input.imageId)?.[1];
    if (!root || !hex)
        throw new OverlayUnavailable(`cannot locate the image store (${dirs[n - 1]}, ${input.imageId})`);
    const configFile = `${root}/image/overlay2/imagedb/content/sha256/${hex}`;
    const name = `gib-measure-${(0,external_node_crypto_namespaceObject.randomBytes)(8).toString('hex')}`;
    const mounts = ['--mount', `type=bind,source=${configFile},target=/${CONFIG_MOUNT},readonly`];
    for (let i = first; i < n; i++)
        mounts.push('--mount', `type=bind,source=${dirs[i]},target=/${MOUNT}${i},readonly`);
    const created = await docker.createContainer(input.imageId, { name, mounts });
    if (created.code !== 0)
        throw new OverlayUnavailable(`docker create: ${created.stderr.trim().split('\n').pop() ?? ''}`);
    try {
        let bytesRead = 0;
        // The config: a tar of one file, which must hash to the image id.
        const configParts = [];
        bytesRead += await copyOut(docker, name, `/${CONFIG_MOUNT}`, (h) => (h.type === 'file' ? { data: (c) => void configParts.push(Buffer.from(c)), end: () => { } } : null));
        const configBytes = Buffer.concat(configParts);
        if (`sha256:${(0,external_node_crypto_namespaceObject.createHash)('sha256').update(configBytes).digest('hex')}` !== input.imageId)
            throw new OverlayUnavailable('the image config from the image store does not hash to the image id');
        let config;
        try {
            config = JSON.parse(configBytes.toString('utf8'));
        }
        catch {
            throw new OverlayUnavailable('the image config is not JSON');
        }
        if (JSON.stringify(config.rootfs?.diff_ids ?? []) !== JSON.stringify(diffIds))
            throw new OverlayUnavailable('the image config names other layers');
        const reading = [];
        for (let i = first; i < n; i++) {
            const scan = { entryPath: `overlay:${i}`, diffId: diffIds[i], tarBytes: 0, uncompressed: 0, compressed: null, compressedExact: false, files: [], goBinaries: [], origin: 'overlay' };
            const layer = { scan, regularBytes: 0, symlinkBytes: 0, opaqueDirs: [] };
            const dirHeaders = new Map();
            const compressor = new LayerCompressor(input.compressor);
            const emit = (buf) => {
                scan.tarBytes += buf.length;
                return compressor.write(buf);
            };
            const rootName = `${MOUNT}${i}`;
            bytesRead += await copyOut(docker, name, `/${rootName}`, (h) => {
                const t = translateOverlayEntry(h, rootName);
                if (!t)
                    return null;
                if (t.type === 'symlink')
                    layer.symlinkBytes += Buffer.byteLength(t.linkname);
                if (t.type === 'directory')
                    dirHeaders.set(t.path.replace(/\/+$/, ''), t);
                const inner = innerEntry(t, scan, input.maxBinaryBytes ?? 256 * 1024 * 1024);
                let headerDone = false;
                const header = async () => {
                    if (headerDone)
                        return;
                    headerDone = true;
                    await emit(tarHeaderBlock(t));
                };
                const sink = {
                    async data(chunk) {
                        await header();
                        const pending = emit(chunk);
                        const r = inner?.data(chunk);
                        if (r)
                            await r;
                        await pending;
                    },
                    async end() {
                        await header();
                        const padding = (512 - (t.size % 512)) % 512;
                        if (t.size > 0 && padding > 0)
                            await emit(Buffer.alloc(padding));
                        const r = inner?.end();
                        if (r)
                            await r;
                    }
                };
                return sink;
            });
            layer.regularBytes = scan.uncompressed - layer.symlinkBytes;
            reading.push({ layer, compressor, dirHeaders });
        }
        // Opaque directories, bottom layer first (each layer's replay needs the ones below it).
        let probes = 0;
        const below = [...input.lower];
        for (const [k, { layer, compressor, dirHeaders }] of reading.entries()) {
            const plan = planOpaqueProbes(below, layer.scan.files, reading.slice(k + 1).map((r) => r.layer.scan.files));
            if (plan.unresolved.length > 0)
                throw new OverlayUnavailable(`cannot tell whether ${plan.unresolved.length} directories are opaque (e.g. /${plan.unresolved[0]})`);
            probes += plan.probes.size;
            if (probes > MAX_PROBES)
                throw new OverlayUnavailable(`more than ${MAX_PROBES} directories to probe for opacity`);
            const results = await mapLimit([...plan.probes], 4, async ([dir, probe]) => ((await exists(docker, name, `/${probe}`)) ? null : dir));
            for (const dir of results.filter((d) => d !== null).sort()) {
                layer.opaqueDirs.push(dir);
                layer.scan.files.push({ kind: 'opaque', path: dir });
                await compressor.write(tarHeaderBlock(opaqueMarker(dir, dirHeaders.get(dir))));
                layer.scan.tarBytes += 512;
            }
            // The end-of-archive marker Docker's tar writer ends a layer with.
            await compressor.write(Buffer.alloc(1024));
            layer.scan.tarBytes += 1024;
            layer.scan.compressed = await compressor.finish();
            below.push(layer.scan.files);
        }
        return { config, layers: reading.map((r) => r.layer), bytesRead, probes };
    }
    finally {
        await docker.removeContainer(name);
    }
}
/** Streams `docker cp <container>:<path> -` through a tar reader; throws OverlayUnavailable when docker cp fails. */
async function copyOut(docker, container, from, onEntry) {
    const cp = docker.copyFrom(container, from);
    const reader = new TarReader(onEntry);
    let bytes = 0;
    try {
        for await (const chunk of cp.stdout) {
            bytes += chunk.length;
            await reader.write(chunk);
        }
        reader.end();
        await cp.done;
    }
    catch (error) {
        cp.kill();
        await cp.done.catch(() => null);
        if (error instanceof OverlayUnavailable)
            throw error;
        throw new OverlayUnavailable(`docker cp ${from}: ${error.message.split('\n').filter(Boolean).pop() ?? ''}`);
    }
    return bytes;
}
/** Whether a path exists in the container's merged view (its data is read and dropped). */
async function exists(docker, container, p) {
    const cp = docker.copyFrom(container, p);
    cp.stdout.resume();
    try {
        await cp.done;
        return true;
    }
    catch (error) {
        if (error instanceof CommandError && /Could not find the file/.test(error.message))
            return false;
        throw new OverlayUnavailable(`docker cp probe ${p}: ${error.message.split('\n').filter(Boolean).pop() ?? ''}`);
    }
}
async function mapLimit(items, limit, fn) {
    const out = new Array(items.length);
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            const i = next++;
            out[i] = await fn(items[i]);
        }
    };
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
    return out;
}

;// CONCATENATED MODULE: ./src/image/read-layers.ts
// Reading an image's layers, by the cheapest honest route:
//   - an image archive a build exported (BuildKit's own blobs): the file;
//   - only the uncached top layers, from overlay2's diff directories (classic
//     store, overlay.ts), when every layer below is cached;
//   - otherwise the whole `docker save` stream, once (a legacy stream whose
//     tar-size guess proved wrong is read a second time).
// Each returns the same SavedImage; any doubt about the fast path falls back
// to the save stream.







async function readLayers(inspected, engine, known, options, deps) {
    const isKnown = (diffId) => known.exact.has(diffId) || known.cached.has(diffId);
    // Compressed blobs scanned before (containerd store, archives) are known by their digest.
    const byBlob = new Map();
    for (const entry of known.entries.values())
        if (entry.blobDigest && entry.scan)
            byBlob.set(entry.blobDigest, entry);
    const cachedBlob = (digest) => {
        const entry = byBlob.get(digest);
        return entry?.scan ? { diffId: entry.diffId, tarBytes: entry.tarBytes, ...entry.scan } : null;
    };
    const read = (saved, fastPathSkipped) => ({
        saved,
        layersRead: saved.layerPaths.filter((p) => (saved.layers.get(p)?.origin ?? 'save') === 'save').length,
        fastPathSkipped
    });
    if (options.archive) {
        const archive = options.archive;
        const scan = { shouldCompress: (plan) => !plan.digest || !isKnown(plan.digest), cachedBlob, source: "the build's image archive" };
        return read(await scanWith(options, scan, (opts) => scanSaveStream((0,external_node_fs_namespaceObject.createReadStream)(archive, { highWaterMark: 1 << 20 }), opts)), null);
    }
    let fastPathSkipped = null;
    const firstUncached = inspected.diffIds.findIndex((d) => !(known.entries.get(d)?.scan && isKnown(d)));
    const bottomCached = firstUncached < 0 ? inspected.diffIds.length : firstUncached;
    if (!options.cached || !options.fastPath) {
        // Not asked for: nothing to explain.
    }
    else if (engine.store !== 'overlay2') {
        fastPathSkipped = `the ${engine.store === 'containerd' ? 'containerd image store' : `${engine.storageDriver} graph driver`} has no overlay2 layer directories`;
    }
    else if (bottomCached === 0) {
        fastPathSkipped = 'the bottom layer is not cached';
    }
    else {
        try {
            const saved = await readTopLayers(inspected, known, bottomCached, options, deps);
            return { saved, layersRead: inspected.diffIds.length - bottomCached, fastPathSkipped: null };
        }
        catch (error) {
            fastPathSkipped = error.message;
        }
    }
    if (fastPathSkipped)
        deps.log?.debug(`measure ${inspected.id.slice(0, 19)}: reading the whole docker save stream (${fastPathSkipped})\n`);
    return read(await readSaveStream(inspected, known, isKnown, cachedBlob, options, deps), fastPathSkipped);
}
/** Runs a scan with a deflate pool for the Go model (none for `zlib`), closed afterwards. */
async function scanWith(options, scan, read) {
    const goPool = options.estimator === 'zlib' ? null : new DeflatePool(options.concurrency, options.estimator === 'go' ? 256 * 1024 : 0, options.flavor);
    try {
        return await read({ ...scan, compressor: { concurrency: goPool ? options.concurrency * 2 : options.concurrency, goPool } });
    }
    finally {
        await goPool?.close();
    }
}
async function readSaveStream(inspected, known, isKnown, cachedBlob, options, deps) {
    // A legacy stream names layers by v1 ids: a tar size that only cached layers of this image have
    // says the layer needs no compressing (whichever of them it is); its hash confirms it afterwards.
    const byTarBytes = new Map();
    for (const entry of known.entries.values())
        if (entry.compressed !== null)
            byTarBytes.set(entry.tarBytes, [...(byTarBytes.get(entry.tarBytes) ?? []), entry.diffId]);
    const skippedByGuess = new Set();
    const scanOnce = (trustTarSize) => {
        skippedByGuess.clear();
        const shouldCompress = (plan) => {
            if (plan.digest)
                return !isKnown(plan.digest);
            const candidates = trustTarSize ? (byTarBytes.get(plan.tarBytes) ?? []) : [];
            if (candidates.length > 0 && candidates.every(isKnown)) {
                skippedByGuess.add(plan.entryPath);
                return false;
            }
            return true;
        };
        return scanWith(options, { shouldCompress, cachedBlob }, async (opts) => {
            const save = deps.docker.save(inspected.id);
            try {
                const saved = await scanSaveStream(save.stdout, opts);
                await save.done;
                return saved;
            }
            catch (error) {
                save.kill();
                const saveError = await save.done.then(() => null, (e) => e);
                // A stream that ended early is explained by docker save's own error; anything else is ours.
                if (error instanceof TarError && saveError instanceof CommandError)
                    throw saveError;
                throw error;
            }
        });
    };
    const first = await scanOnce(true);
    // A layer skipped by its tar size that hashes to an unknown diff id: read again, compressing by hash alone.
    const wrongGuess = [...skippedByGuess].some((p) => !isKnown(first.layers.get(p)?.diffId ?? ''));
    return wrongGuess ? scanOnce(false) : first;
}
/** The fast path: the cached scans of the layers below `bottom`, the ones above read from overlay2. Throws on any doubt. */
async function readTopLayers(inspected, known, bottom, options, deps) {
    const below = inspected.diffIds.slice(0, bottom).map((d) => known.entries.get(d));
    const goPool = options.estimator === 'zlib' ? null : new DeflatePool(options.concurrency, options.estimator === 'go' ? 256 * 1024 : 0, options.flavor);
    try {
        const read = await readOverlayLayers({
            imageId: inspected.id,
            diffIds: inspected.diffIds,
            graphDriver: inspected.graphDriver,
            lower: below.map((e) => e.scan.files),
            docker: deps.docker,
            compressor: { concurrency: goPool ? options.concurrency * 2 : options.concurrency, goPool }
        });
        // The daemon's layer sizes must be what the directories hold (regular files; symlinks too for built layers).
        const history = read.config.history ?? [];
        const daemonSizes = await deps.docker.historySizes(inspected.id);
        if (!daemonSizes || daemonSizes.length !== history.length)
            throw new OverlayUnavailable('docker history sizes do not pair with the config history');
        const paired = pairHistory(read.config.rootfs?.diff_ids ?? inspected.diffIds, history);
        for (const [k, layer] of read.layers.entries()) {
            const row = paired[bottom + k]?.historyIndex ?? -1;
            const daemon = row >= 0 ? daemonSizes[row] : NaN;
            if (daemon !== layer.regularBytes && daemon !== layer.regularBytes + layer.symlinkBytes) {
                throw new OverlayUnavailable(`layer ${bottom + k}: overlay2 directory holds ${layer.regularBytes} bytes (+${layer.symlinkBytes} in symlinks), docker history says ${daemon}`);
            }
        }
        const layers = new Map();
        const layerPaths = [];
        below.forEach((e, i) => {
            const scan = {
                entryPath: `cache:${i}`,
                diffId: e.diffId,
                tarBytes: e.tarBytes,
                uncompressed: e.scan.uncompressed,
                compressed: null,
                compressedExact: false,
                files: e.scan.files,
                goBinaries: e.scan.goBinaries,
                origin: 'cache'
            };
            layers.set(scan.entryPath, scan);
            layerPaths.push(scan.entryPath);
        });
        for (const layer of read.layers) {
            layers.set(layer.scan.entryPath, layer.scan);
            layerPaths.push(layer.scan.entryPath);
        }
        return { layout: 'overlay', layerPaths, config: read.config, layers, ociLayerSizes: null, bytesRead: read.bytesRead };
    }
    finally {
        await goPool?.close();
    }
}

;// CONCATENATED MODULE: ./src/image/measure.ts
// Measuring an image: the report's `size`, `layers`, `wasted` and
// `goBinaries`, the same way on every engine. Three steps: what is known
// before reading (known-sizes.ts: registry sizes, cached scans, the base
// image's layers), reading the layers by the cheapest honest route
// (read-layers.ts: a build's archive, overlay2's top layers, or `docker
// save`), and the pure assembly (assemble.ts). Every layer scanned from a
// stream is cached by diff id, so a re-measurement reads only what changed.








async function measureImage(ref, options, deps) {
    const docker = deps.docker;
    const [engine, inspected] = await Promise.all([docker.engine(), docker.inspect(ref)]);
    const estimator = options.estimator ?? 'go';
    // The estimate follows the compress/flate of the engine that will push the image.
    const flavor = options.flavor ?? engineFlavor(engine, deps.log);
    const cache = options.cacheDir ? new LayerCache(options.cacheDir, estimator, flavor) : null;
    const concurrency = options.concurrency ?? Math.max(1, external_node_os_default().availableParallelism?.() ?? external_node_os_default().cpus().length);
    const chain = options.dockerfile ? dockerfileChain(options.dockerfile.content, options.dockerfile.target, options.dockerfile.buildArgs) : null;
    const known = await knownSizes({ inspected, engine, baseImage: chain ? chain.baseImage : undefined, cache, registry: options.registry !== false }, { docker, fetch: deps.fetch, log: deps.log });
    const read = await readLayers(inspected, engine, known, { archive: options.archive ?? null, estimator, flavor, concurrency, fastPath: options.fastPath !== false, cached: cache !== null }, { docker, log: deps.log });
    const listed = engine.store === 'containerd' ? await docker.listedSize(inspected.id, inspected.platform) : null;
    const assembled = assembleMeasurement({
        inspected,
        engine,
        saved: read.saved,
        exact: known.exact,
        cached: known.cached,
        blobSource: options.archive ? 'oci' : 'image-store',
        estimator: pushEstimator(engine, estimator, flavor),
        chain,
        baseLayerCount: known.baseLayerCount,
        listed,
        topWastedFiles: options.topWastedFiles ?? 20
    });
    if (engine.store === 'overlay2' && assembled.size.uncompressed !== inspected.size) {
        deps.log?.debug(`measure ${ref}: the layers add up to ${assembled.size.uncompressed} bytes, docker image inspect says ${inspected.size}\n`);
    }
    // Layers read from the save stream or an archive (hash-checked) are cached with their scan; overlay reads are not (re-serialised tars).
    if (cache) {
        for (const scan of assembled.scans) {
            if ((scan.origin ?? 'save') !== 'save')
                continue;
            const estimate = !scan.compressedExact && scan.compressed !== null ? scan.compressed : (known.cached.get(scan.diffId) ?? null);
            const blobDigest = scan.compressedExact ? /^blobs\/sha256\/([0-9a-f]{64})$/.exec(scan.entryPath)?.[1] : undefined;
            const had = known.entries.get(scan.diffId);
            if (had?.scan && had.compressed === estimate && (!blobDigest || had.blobDigest === `sha256:${blobDigest}`))
                continue;
            const entry = {
                diffId: scan.diffId,
                tarBytes: scan.tarBytes,
                compressed: estimate,
                source: 'gzip-estimate',
                scan: { uncompressed: scan.uncompressed, files: scan.files, goBinaries: scan.goBinaries },
                ...(blobDigest ? { blobDigest: `sha256:${blobDigest}` } : {})
            };
            await cache.put(entry);
            known.entries.set(scan.diffId, { ...entry, version: 0 });
        }
    }
    return {
        inspected,
        engine,
        size: assembled.size,
        layers: assembled.layers,
        wasted: assembled.wasted,
        goBinaries: assembled.goBinaries,
        baseImage: chain?.baseImage ?? null,
        stats: {
            layersCompressed: assembled.counts.estimated,
            layersFromCache: assembled.counts.fromCache,
            layersExact: assembled.counts.exact,
            bytesRead: read.saved.bytesRead,
            layout: read.saved.layout,
            saveStreamed: read.saved.layout !== 'overlay',
            layersRead: read.layersRead,
            fastPathSkipped: read.fastPathSkipped
        }
    };
}
/** The flavor of the engine's Go; classic when the engine does not say (an older engine, a proxy). */
function engineFlavor(engine, log) {
    try {
        return pushFlavorForGoVersion(engine.goVersion);
    }
    catch (error) {
        log?.debug(`${error.message}; estimating as Go up to 1.26 compresses\n`);
        return 'go-classic';
    }
}
/** What the gzip estimates model: the compressor of the engine that will push the image. */
function pushEstimator(engine, estimator, flavor) {
    if (estimator === 'zlib')
        return 'zlib level 6 (not a model of docker push)';
    const model = flavor === 'go1.27' ? 'Go 1.27+ compress/flate level 6' : 'Go ≤ 1.26 compress/flate level 6';
    return `${model}${estimator === 'go-exact' ? ' (every byte modelled)' : ''}, as ${describeEngine(engine)} pushes`;
}

;// CONCATENATED MODULE: ./src/build-measure.ts
// Build and measure: the one path every image this run builds takes (the
// head, the base, the suggested Dockerfile). It lives beside the pipeline,
// not in docker/ or image/, because it joins the two: docker/ builds, image/
// measures (and image/ already uses docker/). An exported archive (the
// builder's exact blobs, `output: archive`) is loaded by the build, read by
// the measurement and removed here.



/** A built image (its archive, when exported) measured; the archive is removed afterwards. */
async function measureBuilt(built, measure, deps) {
    try {
        return await measureImage(built.imageId, { ...measure, archive: built.archive }, { docker: deps.docker, log: deps.log });
    }
    finally {
        if (built.archive)
            await (0,promises_namespaceObject.rm)(built.archive, { force: true });
    }
}
async function buildAndMeasure(options, measure, deps) {
    const built = await buildImage(options, { docker: deps.docker, tempDir: deps.tempDir, onProgress: deps.onProgress });
    deps.onBuilt?.(built);
    return { built, measurement: await measureBuilt(built, measure, deps) };
}
function runBuild(output, deps) {
    return (options, measure, onBuilt) => buildAndMeasure({ ...options, output }, measure, { ...deps, onBuilt });
}

;// CONCATENATED MODULE: ./src/version.ts
// Kept in step with package.json by a unit test; bundled into dist/.
const TOOL = { name: 'go-image-budget', version: '0.1.0' };

;// CONCATENATED MODULE: ./src/advisor/images.ts
// What a base image name says about the image: a Go toolchain, a full
// distribution, or a minimal base a static Go binary can run on. Pure.
const DISTRIBUTIONS = [
    'alpine',
    'debian',
    'ubuntu',
    'busybox',
    'centos',
    'fedora',
    'rockylinux',
    'almalinux',
    'amazonlinux',
    'oraclelinux',
    'archlinux',
    'opensuse',
    'photon',
    'ubi',
    'ubi8',
    'ubi9',
    'ubi-minimal',
    'wolfi-base',
    'chainguard/wolfi-base'
];
/** The repository part of an image reference without registry, tag or digest. */
function repository(image) {
    const noDigest = image.split('@')[0];
    const slash = noDigest.lastIndexOf('/');
    const colon = noDigest.lastIndexOf(':');
    return (colon > slash ? noDigest.slice(0, colon) : noDigest).toLowerCase();
}
function tagOf(image) {
    const noDigest = image.split('@')[0];
    const slash = noDigest.lastIndexOf('/');
    const colon = noDigest.lastIndexOf(':');
    return colon > slash ? noDigest.slice(colon + 1).toLowerCase() : 'latest';
}
function classifyBase(image) {
    const repo = repository(image);
    const tag = tagOf(image);
    const last = repo.split('/').pop() ?? repo;
    if (repo === 'scratch')
        return { kind: 'scratch', flavour: null, nonRoot: false };
    if (repo.includes('distroless/')) {
        const nonRoot = tag.includes('nonroot');
        return { kind: last.startsWith('static') ? 'distroless-static' : 'distroless', flavour: 'debian', nonRoot };
    }
    if (last === 'static' && repo.includes('chainguard'))
        return { kind: 'distroless-static', flavour: null, nonRoot: true };
    if (last === 'golang' || last === 'go' || last === 'gcc' || last.startsWith('golang')) {
        const flavour = /alpine/.test(tag) ? 'alpine' : /bookworm|bullseye|buster|stretch|trixie/.test(tag) || tag === 'latest' || /^\d/.test(tag) ? 'debian' : null;
        return { kind: 'go-toolchain', flavour, nonRoot: false };
    }
    const distro = DISTRIBUTIONS.find((d) => repo === d || last === d || repo.endsWith(`/${d}`));
    if (distro)
        return { kind: 'distribution', flavour: distro.split('/').pop() ?? distro, nonRoot: false };
    return { kind: 'unknown', flavour: null, nonRoot: false };
}
/** Scratch or distroless static: no libc, so only a statically linked binary starts. */
const isMinimalStatic = (kind) => kind === 'scratch' || kind === 'distroless-static';
/** The bases suggestions use; both exist wherever the user's own builder image does. */
const SCRATCH = 'scratch';
const DISTROLESS_STATIC_NONROOT = 'gcr.io/distroless/static-debian12:nonroot';
const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
/**
 * The defaults the official images document, for when the image is not at
 * hand (dockerfile-only mode): golang sets GOPATH=/go, puts /go/bin and
 * /usr/local/go/bin on PATH and works in /go; alpine and busybox run /bin/sh,
 * Debian-based images bash. Null for images we know nothing about.
 */
function documentedDefaults(image) {
    const info = classifyBase(image);
    const repo = repository(image);
    const last = repo.split('/').pop() ?? repo;
    if (info.kind === 'go-toolchain' && last.startsWith('golang')) {
        const version = /^(\d+\.\d+(\.\d+)?)/.exec(tagOf(image))?.[1];
        return {
            env: { ...(version ? { GOLANG_VERSION: version } : {}), GOPATH: '/go', PATH: `/go/bin:/usr/local/go/bin:${DEFAULT_PATH}` },
            workdir: '/go',
            user: '',
            entrypoint: null,
            cmd: info.flavour === 'alpine' ? ['/bin/sh'] : ['bash'],
            source: 'documented'
        };
    }
    if (info.kind === 'distribution') {
        const shell = ['alpine', 'busybox'].includes(info.flavour ?? '') ? ['/bin/sh'] : ['bash'];
        return { env: { PATH: DEFAULT_PATH }, workdir: '/', user: '', entrypoint: null, cmd: shell, source: 'documented' };
    }
    if (info.kind === 'distroless' || info.kind === 'distroless-static') {
        return { env: { PATH: DEFAULT_PATH, SSL_CERT_FILE: '/etc/ssl/certs/ca-certificates.crt' }, workdir: '/', user: info.nonRoot ? '65532' : '', entrypoint: null, cmd: null, source: 'documented' };
    }
    return null;
}
/** Go version of a toolchain image: its GOLANG_VERSION, else a version in its tag (`golang:1.9-alpine` → 1.9). */
function goVersionOfImage(image, defaults) {
    if (classifyBase(image).kind !== 'go-toolchain')
        return null;
    const fromEnv = defaults?.env.GOLANG_VERSION;
    if (fromEnv && /^\d+\.\d+/.test(fromEnv))
        return fromEnv;
    return /^(\d+\.\d+(\.\d+)?)/.exec(tagOf(image))?.[1] ?? null;
}
/** Compares dotted Go versions (`1.9` < `1.13`); a missing version counts as current (newer than any). */
function goAtLeast(version, wanted) {
    if (!version)
        return true;
    const a = version.replace(/^go/, '').split('.').map(Number);
    const b = wanted.split('.').map(Number);
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
        const x = a[i] ?? 0;
        const y = b[i] ?? 0;
        if (x !== y)
            return x > y;
    }
    return true;
}

;// CONCATENATED MODULE: ./src/advisor/shell.ts
// Just enough shell to read what a RUN does: split a script into simple
// commands (on `&&`, `||`, `;`, `|`, newlines) and each into words with
// quotes removed, then pick out `go build` invocations and their flags.
// Not a shell: no expansion beyond what the Dockerfile model already did.
/** Splits a script into commands, each a list of words (quotes removed). */
function splitCommands(script) {
    const commands = [];
    let words = [];
    let word = '';
    let inWord = false;
    let quote = null;
    const endWord = () => {
        if (inWord)
            words.push(word);
        word = '';
        inWord = false;
    };
    const endCommand = () => {
        endWord();
        if (words.length > 0)
            commands.push(words);
        words = [];
    };
    for (let i = 0; i < script.length; i++) {
        const c = script[i];
        if (quote) {
            if (c === quote)
                quote = null;
            else if (c === '\\' && quote === '"' && i + 1 < script.length && '"\\$`'.includes(script[i + 1]))
                word += script[++i];
            else
                word += c;
            continue;
        }
        if (c === '"' || c === "'") {
            quote = c;
            inWord = true;
            continue;
        }
        if (c === '\\') {
            if (script[i + 1] === '\n') {
                i++;
                continue;
            } // line continuation
            if (i + 1 < script.length) {
                word += script[++i];
                inWord = true;
            }
            continue;
        }
        if (c === '#' && !inWord) {
            // comment to end of line
            while (i + 1 < script.length && script[i + 1] !== '\n')
                i++;
            continue;
        }
        if (c === '\n' || c === ';' || c === '|' || c === '&' || c === '(' || c === ')') {
            endCommand();
            continue;
        }
        if (c === ' ' || c === '\t' || c === '\r') {
            endWord();
            continue;
        }
        word += c;
        inWord = true;
    }
    endCommand();
    return commands;
}
// go build flags that take a value (the next word, unless written `-flag=value`).
const VALUE_FLAGS = new Set([
    'o',
    'ldflags',
    'gcflags',
    'asmflags',
    'gccgoflags',
    'tags',
    'mod',
    'modfile',
    'overlay',
    'pgo',
    'pkgdir',
    'buildmode',
    'compiler',
    'installsuffix',
    'p',
    'toolexec',
    'C',
    'covermode',
    'coverpkg',
    'buildvcs'
]);
// Boolean flags that may also be written `-flag=true|false`.
const BOOL_VALUE_FLAGS = new Set(['buildvcs', 'trimpath', 'race', 'msan', 'asan', 'a', 'n', 'v', 'x', 'cover', 'linkshared', 'modcacherw', 'work']);
/** Finds `go build` (and `go install`) in a list of commands. */
function findGoBuilds(commands) {
    const builds = [];
    for (const words of commands) {
        const env = {};
        let i = 0;
        if (words[0] === 'env')
            i++;
        while (i < words.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[i])) {
            const eq = words[i].indexOf('=');
            env[words[i].slice(0, eq)] = words[i].slice(eq + 1);
            i++;
        }
        const go = words[i];
        const sub = words[i + 1];
        if (go === undefined || !isGo(go) || (sub !== 'build' && sub !== 'install'))
            continue;
        // `go install pkg@version` installs a tool, not the program.
        if (sub === 'install' && words.slice(i + 2).some((w) => !w.startsWith('-') && w.includes('@')))
            continue;
        builds.push(parseGoBuildArgs(sub, words.slice(i + 2), env, words));
    }
    return builds;
}
/** `go`, `/usr/local/go/bin/go`, or tonistiigi/xx's cross-compiling wrapper `xx-go`. */
const isGo = (word) => /(^|\/)(xx-)?go$/.test(word);
function parseGoBuildArgs(subcommand, args, env, words) {
    const build = { subcommand, env, output: null, ldflags: null, stripped: false, trimpath: false, tags: null, packages: [], words, mod: null };
    for (let i = 0; i < args.length; i++) {
        const arg = args[i];
        if (!arg.startsWith('-') || arg === '-') {
            build.packages.push(arg);
            continue;
        }
        const body = arg.replace(/^--?/, '');
        const eq = body.indexOf('=');
        const name = eq >= 0 ? body.slice(0, eq) : body;
        let value = eq >= 0 ? body.slice(eq + 1) : null;
        if (value === null && VALUE_FLAGS.has(name) && !BOOL_VALUE_FLAGS.has(name))
            value = args[++i] ?? null;
        if (name === 'o')
            build.output = value;
        else if (name === 'ldflags')
            build.ldflags = value;
        else if (name === 'tags')
            build.tags = value;
        else if (name === 'trimpath')
            build.trimpath = value === null || value === 'true';
        else if (name === 'mod')
            build.mod = value;
    }
    build.stripped = build.ldflags !== null && ldflagsStrip(build.ldflags);
    return build;
}
/** True when link flags drop both the symbol table (-s) and DWARF (-w). */
function ldflagsStrip(ldflags) {
    const words = splitCommands(ldflags)[0] ?? [];
    const has = (flag) => words.some((w) => w === `-${flag}` || w === `--${flag}` || w === `-${flag}=true`);
    return has('s') && has('w');
}
/** The go subcommand (and its first argument) of a command: `go mod download` → ['mod', 'download']. */
function goCommand(words) {
    const i = words.findIndex((x) => isGo(x));
    return i >= 0 ? words.slice(i + 1, i + 3) : null;
}
/** A step that fetches modules: `go mod download`, `go mod tidy`, `go mod vendor`, `go get`. */
function hasGoModDownload(commands) {
    return commands.some((w) => {
        const go = goCommand(w);
        return go !== null && ((go[0] === 'mod' && ['download', 'tidy', 'vendor'].includes(go[1])) || go[0] === 'get');
    });
}
/** A step that resolves modules, downloading what is missing: go build/install/run/test/generate/vet, or a make target. */
function resolvesModules(commands) {
    return commands.some((w) => {
        const go = goCommand(w);
        if (go !== null)
            return ['build', 'install', 'run', 'test', 'generate', 'vet', 'list'].includes(go[0]);
        return w.some((x, i) => /(^|\/)g?make$/.test(x) && (i === 0 || /^[A-Za-z_]\w*=/.test(w[i - 1])));
    });
}
/** Builds from vendor/ (`-mod=vendor`, or GOFLAGS carrying it): no module is downloaded. */
function usesVendor(commands) {
    return commands.some((w) => w.some((x) => /^(--?mod=vendor|GOFLAGS=.*-mod=vendor.*)$/.test(x)));
}
/** Packages a command installs with the distribution's package manager, by manager. */
function installedPackages(commands) {
    const found = [];
    for (const w of commands) {
        const i = w.findIndex((x) => /(^|\/)(apk|apt-get|apt|yum|dnf|microdnf|zypper)$/.test(x));
        if (i < 0)
            continue;
        const manager = w[i].split('/').pop();
        const verb = w.slice(i + 1).find((x) => !x.startsWith('-'));
        if (!(manager === 'apk' ? verb === 'add' : verb === 'install'))
            continue;
        const after = w.slice(w.indexOf(verb, i + 1) + 1);
        const packages = [];
        for (let k = 0; k < after.length; k++) {
            const x = after[k];
            if (x.startsWith('-')) {
                if (['--virtual', '-t', '--repository', '-X'].includes(x))
                    k++;
                continue;
            }
            packages.push(x.replace(/[=<>~].*$/, ''));
        }
        found.push({ manager, packages });
    }
    return found;
}
/** Quotes a word for a Dockerfile shell-form RUN only when it needs it. */
function shellQuote(word) {
    if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(word))
        return word;
    if (/^-ldflags=/.test(word))
        return `-ldflags="${word.slice('-ldflags='.length).replace(/(["\\$`])/g, '\\$1')}"`;
    return `'${word.replace(/'/g, `'\\''`)}'`;
}

;// CONCATENATED MODULE: ./src/advisor/model.ts
// The Dockerfile model the rules read: stages with their resolved base image,
// copies, RUN scripts (heredocs included) with the `go build` invocations in
// them, environment, user and working directory. Pure: text in, model out.
// Lines are 1-based, as GitHub annotations and editors count them.




/** Substitutes `$VAR`, `${VAR}`, `${VAR:-default}` and `${VAR:+alt}`; unknown variables become ''. */
function substitute(text, vars) {
    return text.replace(/\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g, (_m, braced, op, word, bare) => {
        const name = braced ?? bare;
        const value = vars[name];
        const set = value !== undefined && value !== null && value !== '';
        if (op === ':-' || op === '-')
            return set ? value : substitute(word ?? '', vars);
        if (op === ':+' || op === '+')
            return set ? substitute(word ?? '', vars) : '';
        return value ?? '';
    });
}
function flagsOf(instruction) {
    const flags = {};
    const withFlags = instruction;
    for (const f of withFlags.getFlags?.() ?? [])
        flags[f.getName()] = f.getValue();
    return flags;
}
/** The raw arguments without leading `--flag[=value]` words. */
function stripFlags(raw) {
    let rest = raw.replace(/^\s+/, '');
    for (;;) {
        const m = /^--[A-Za-z-]+(=("[^"]*"|'[^']*'|\S)*)?\s+/.exec(rest);
        if (!m)
            return rest;
        rest = rest.slice(m[0].length);
    }
}
/** The script a RUN executes: its heredoc body (`RUN <<EOF`), its exec-form words, or its shell text. */
function runScript(args) {
    const heredoc = /^<<-?\s*(["']?)([A-Za-z0-9_]+)\1[^\n]*\n/.exec(args);
    if (heredoc) {
        const body = args.slice(heredoc[0].length).split('\n');
        const end = body.findIndex((l) => l.replace(/^\t+/, '') === heredoc[2]);
        return (end >= 0 ? body.slice(0, end) : body).join('\n');
    }
    // `cat <<EOF > file`: the heredoc is data for the command, not commands; the command is the first line.
    if (/<<-?\s*(["']?)[A-Za-z0-9_]+\1/.test(args.split('\n')[0]) && !args.trimStart().startsWith('['))
        return args.split('\n')[0];
    if (args.trimStart().startsWith('[')) {
        try {
            const words = JSON.parse(args);
            if (Array.isArray(words) && words.every((w) => typeof w === 'string'))
                return words.map((w) => JSON.stringify(w)).join(' ');
        }
        catch {
            // not JSON: a shell command that starts with '['
        }
    }
    return args;
}
function resolvePath(workdir, p) {
    const joined = p.startsWith('/') ? p : `${workdir.replace(/\/$/, '')}/${p}`;
    const parts = [];
    for (const part of joined.split('/')) {
        if (part === '' || part === '.')
            continue;
        if (part === '..')
            parts.pop();
        else
            parts.push(part);
    }
    return `/${parts.join('/')}`;
}

function parseDockerfile(text, options = {}) {
    const doc = main.DockerfileParser.parse(text);
    const lines = text.split(/\r?\n/);
    const overrides = buildArgMap(options.buildArgs ?? []);
    const globalArgs = {};
    const stages = [];
    let stage = null;
    let stageVars = {};
    let cmdSetHere = false;
    for (const instruction of doc.getInstructions()) {
        const keyword = instruction.getKeyword().toUpperCase();
        const start = instruction.getRange().start.line;
        const end = instruction.getRange().end.line;
        const rawText = lines.slice(start, end + 1).join('\n');
        const afterKeyword = rawText.replace(/^\s*\S+\s?/, '');
        const model = { keyword, line: start + 1, endLine: end + 1, raw: stripFlags(afterKeyword), flags: flagsOf(instruction) };
        if (keyword === 'ARG') {
            for (const word of splitCommands(model.raw)[0] ?? []) {
                const eq = word.indexOf('=');
                const name = eq >= 0 ? word.slice(0, eq) : word;
                const declared = eq >= 0 ? word.slice(eq + 1) : null;
                if (!stage) {
                    globalArgs[name] = overrides[name] ?? (declared === null ? null : substitute(declared, globalArgs));
                }
                else {
                    // Inside a stage an ARG re-imports the global value or declares its own default.
                    const value = overrides[name] ?? (declared === null ? (globalArgs[name] ?? null) : substitute(declared, stageVars));
                    stageVars[name] = value;
                }
            }
            if (stage)
                stage.instructions.push(model);
            continue;
        }
        if (keyword === 'FROM') {
            const words = splitCommands(model.raw)[0] ?? [];
            const imageRaw = words[0] ?? '';
            const asIndex = words.findIndex((w) => w.toLowerCase() === 'as');
            const name = asIndex >= 0 ? (words[asIndex + 1] ?? null) : null;
            const image = substitute(imageRaw, globalArgs);
            const parentIndex = stages.findIndex((s) => s.name !== null && s.name.toLowerCase() === image.toLowerCase());
            const parent = parentIndex >= 0 ? stages[parentIndex] : null;
            const platform = model.flags.platform ?? null;
            // A stage FROM an image starts with the image's ENV, WORKDIR and defaults (`${GOPATH}`, WORKDIR /go).
            const base = parent ? parent.base : (options.imageConfig?.(image) ?? documentedDefaults(image));
            stage = {
                index: stages.length,
                name,
                line: model.line,
                image,
                imageRaw,
                platform: platform === null ? null : substitute(platform, globalArgs) || platform,
                parentStage: parent ? parent.index : null,
                base,
                goVersion: parent ? parent.goVersion : goVersionOfImage(image, base),
                instructions: [model],
                copies: [],
                runs: [],
                goBuilds: [],
                env: { ...(parent?.env ?? base?.env ?? {}) },
                user: parent?.user ?? null,
                workdir: parent?.workdir ?? (base?.workdir || '/'),
                cmd: parent?.cmd ?? null,
                inheritedCmdCleared: parent?.inheritedCmdCleared ?? false,
                entrypoint: parent?.entrypoint ?? null
            };
            stageVars = { ...stage.env };
            cmdSetHere = false;
            stages.push(stage);
            continue;
        }
        if (!stage)
            continue; // parser directives and stray instructions before FROM
        stage.instructions.push(model);
        switch (keyword) {
            case 'ENV': {
                const words = splitCommands(substitute(model.raw, stageVars))[0] ?? [];
                if (words.length >= 2 && !words[0].includes('=')) {
                    stage.env[words[0]] = words.slice(1).join(' '); // legacy `ENV NAME value`
                }
                else {
                    for (const w of words) {
                        const eq = w.indexOf('=');
                        if (eq > 0)
                            stage.env[w.slice(0, eq)] = w.slice(eq + 1);
                    }
                }
                Object.assign(stageVars, stage.env);
                break;
            }
            case 'WORKDIR':
                stage.workdir = resolvePath(stage.workdir, substitute(model.raw.trim(), stageVars));
                break;
            case 'USER':
                stage.user = { value: substitute(model.raw.trim(), stageVars), line: model.line };
                break;
            case 'CMD':
                stage.cmd = model;
                cmdSetHere = true;
                break;
            case 'ENTRYPOINT':
                stage.entrypoint = model;
                // BuildKit: an ENTRYPOINT drops the CMD this stage inherited (not one it set itself).
                if (!cmdSetHere) {
                    stage.cmd = null;
                    stage.inheritedCmdCleared = true;
                }
                break;
            case 'COPY':
            case 'ADD': {
                let words;
                if (model.raw.trimStart().startsWith('[')) {
                    try {
                        words = JSON.parse(model.raw);
                    }
                    catch {
                        words = splitCommands(model.raw)[0] ?? [];
                    }
                }
                else {
                    words = (splitCommands(model.raw.split('\n')[0])[0] ?? []).map((w) => substitute(w, stageVars));
                }
                const from = model.flags.from ?? null;
                const fromStage = from === null ? -1 : stages.findIndex((s, i) => i < stage.index && (s.name?.toLowerCase() === from.toLowerCase() || String(i) === from));
                stage.copies.push({
                    line: model.line,
                    keyword: keyword,
                    from,
                    fromStage: fromStage >= 0 ? fromStage : null,
                    sources: words.slice(0, -1),
                    dest: words[words.length - 1] ?? '',
                    workdir: stage.workdir
                });
                break;
            }
            case 'RUN': {
                const script = runScript(model.raw);
                const commands = splitCommands(script);
                const mounts = Object.entries(model.flags)
                    .filter(([k]) => k === 'mount')
                    .map(([, v]) => v ?? '');
                // dockerfile-ast keeps one value per flag name; read repeated --mount flags from the text.
                const allMounts = [...afterKeyword.matchAll(/--mount=(\S+)/g)].map((m) => m[1]);
                stage.runs.push({ line: model.line, endLine: model.endLine, workdir: stage.workdir, script, commands, mounts: allMounts.length ? allMounts : mounts });
                for (const build of findGoBuilds(commands)) {
                    const gopath = (build.env.GOPATH ?? stageVars.GOPATH ?? '/root/go').split(':')[0] || '/root/go';
                    stage.goBuilds.push({
                        ...build,
                        line: model.line,
                        workdir: stage.workdir,
                        cgoEnabled: build.env.CGO_ENABLED ?? stage.env.CGO_ENABLED ?? stageVars.CGO_ENABLED ?? null,
                        installDir: build.env.GOBIN ?? stageVars.GOBIN ?? `${gopath.replace(/\/$/, '')}/bin`
                    });
                }
                break;
            }
        }
    }
    if (stages.length === 0) {
        stages.push({
            index: 0,
            name: null,
            line: 1,
            image: '',
            imageRaw: '',
            platform: null,
            parentStage: null,
            base: null,
            goVersion: null,
            instructions: [],
            copies: [],
            runs: [],
            goBuilds: [],
            env: {},
            user: null,
            workdir: '/',
            cmd: null,
            entrypoint: null
        });
    }
    const target = options.target ? stages.find((s) => s.name?.toLowerCase() === options.target.toLowerCase()) : undefined;
    return { file: options.file ?? 'Dockerfile', text, globalArgs, stages, final: target ?? stages[stages.length - 1] };
}
/** The stages `stage` is made of: itself, its parent stage, and so on up to an image. */
function stageChain(model, stage) {
    const chain = [stage];
    let current = stage;
    while (current.parentStage !== null) {
        current = model.stages[current.parentStage];
        chain.push(current);
    }
    return chain;
}
/** The image a stage ultimately starts from (following `FROM <stage>`). */
function rootImage(model, stage) {
    const chain = stageChain(model, stage);
    return chain[chain.length - 1].image;
}
/** Stages the final image depends on through `COPY --from` (transitively) or `FROM`. */
function buildStagesOf(model, stage) {
    const seen = new Set();
    const visit = (s) => {
        if (seen.has(s.index))
            return;
        seen.add(s.index);
        if (s.parentStage !== null)
            visit(model.stages[s.parentStage]);
        for (const c of s.copies)
            if (c.fromStage !== null)
                visit(model.stages[c.fromStage]);
    };
    visit(stage);
    return model.stages.filter((s) => seen.has(s.index) && s.index !== stage.index);
}

;// CONCATENATED MODULE: ./src/advisor/binaries.ts


/** A build of several main packages at once (`./...`, `./cmd/...`) into a directory. */
const manyPrograms = (build) => build.packages.some((p) => p.endsWith('...')) && (build.output === null ? build.subcommand === 'install' : build.output.endsWith('/'));
/** The binary `go build` writes: `-o`, else the file's or package's last element; `go install` writes to its install directory. */
function buildOutput(build, moduleName) {
    if (manyPrograms(build))
        return resolvePath(build.output ? build.workdir : build.installDir, build.output ?? '.');
    if (build.output) {
        const out = resolvePath(build.workdir, build.output);
        return build.output.endsWith('/') ? `${out}/${defaultName(build, moduleName)}` : out;
    }
    if (build.subcommand === 'install')
        return resolvePath(build.installDir, defaultName(build, moduleName));
    return resolvePath(build.workdir, defaultName(build, moduleName));
}
// Directories a distribution base image has: a one-file COPY onto one of them lands inside it.
const DISTRIBUTION_DIRS = new Set([
    '/bin',
    '/sbin',
    '/lib',
    '/usr',
    '/usr/bin',
    '/usr/sbin',
    '/usr/lib',
    '/usr/local',
    '/usr/local/bin',
    '/usr/local/sbin',
    '/usr/local/lib',
    '/usr/share',
    '/opt',
    '/srv',
    '/tmp',
    '/etc',
    '/root',
    '/home',
    '/var',
    '/var/lib',
    '/mnt'
]);
// What distroless images have of them (scratch has none).
const DISTROLESS_DIRS = new Set(['/etc', '/home', '/root', '/tmp', '/var', '/usr', '/usr/share', '/bin', '/sbin', '/usr/bin', '/usr/sbin', '/lib']);
/** The directories the base of `stage` has, as far as its kind tells. */
function baseDirectories(model, stage) {
    const kind = classifyBase(rootImage(model, stage)).kind;
    if (kind === 'scratch')
        return new Set();
    return kind === 'distroless' || kind === 'distroless-static' ? DISTROLESS_DIRS : DISTRIBUTION_DIRS;
}
/**
 * Whether a COPY writes into a directory (so a one-file source lands at
 * dest/name): a trailing slash, several sources, a wildcard or a directory
 * source, or a destination that is already a directory (the base's, a
 * WORKDIR, a `mkdir`, an earlier directory COPY).
 */
function copiesIntoDirectory(model, stage, copy, dirs = baseDirectories(model, stage)) {
    if (copy.dest.endsWith('/') || copy.dest === '.' || copy.sources.length > 1 || copy.sources.some((s) => /[*?[]/.test(s) || s.endsWith('/') || s.endsWith('/.')))
        return true;
    const dest = resolvePath(copy.workdir, copy.dest);
    if (dest === '/' || dirs.has(dest))
        return true;
    return stageChain(model, stage).some((s) => s.copies.some((c) => c.line < copy.line && (c.workdir === dest || (c !== copy && resolvePath(c.workdir, c.dest) === dest && copiesIntoDirectory(model, s, c, dirs)))) ||
        s.runs.some((r) => r.line < copy.line && (r.workdir === dest || r.commands.some((w) => w[0] === 'mkdir' && w.slice(1).some((a) => !a.startsWith('-') && resolvePath(r.workdir, a) === dest)))));
}
function defaultName(build, moduleName) {
    const first = build.packages[0];
    if (first && first.endsWith('.go'))
        return first.split('/').pop().replace(/\.go$/, '');
    const pkg = first && first !== '.' && first !== './...' ? first.replace(/\/$/, '') : null;
    if (pkg)
        return pkg.split('/').pop();
    // `go build` / `go build .` names the binary after the package's import path.
    if (moduleName)
        return moduleName.split('/').pop();
    return build.workdir.split('/').filter(Boolean).pop() ?? 'app';
}
/** The Go binaries the final stage ends up with, as far as the Dockerfile tells. */
function finalBinaries(model, moduleName = null) {
    const result = [];
    for (const stage of stageChain(model, model.final)) {
        for (const build of stage.goBuilds) {
            const at = buildOutput(build, moduleName);
            result.push({ stage, build, builtAt: at, finalPath: at, copyLine: null, ...(manyPrograms(build) ? { directory: true } : {}) });
        }
    }
    for (const copy of model.final.copies) {
        if (copy.fromStage === null)
            continue;
        const source = model.stages[copy.fromStage];
        for (const from of [source, ...buildStagesOf(model, source)]) {
            for (const build of from.goBuilds) {
                const at = buildOutput(build, moduleName);
                // `COPY --from` sources are paths from the source stage's root, whatever its WORKDIR.
                const many = manyPrograms(build);
                const match = copy.sources.find((s) => {
                    const src = resolvePath('/', s);
                    return src === at || at.startsWith(`${src}/`) || src === '/' || (many && src.startsWith(`${at}/`));
                });
                if (!match)
                    continue;
                const dest = resolvePath(copy.workdir, copy.dest);
                const srcPath = resolvePath('/', match);
                if (many && srcPath.startsWith(`${at}/`)) {
                    // One program out of a directory of them: the COPY names it.
                    const name = srcPath.split('/').pop();
                    const finalPath = copiesIntoDirectory(model, model.final, copy) ? `${dest}/${name}`.replace(/\/+/g, '/') : dest;
                    result.push({ stage: from, build, builtAt: srcPath, finalPath, copyLine: copy.line });
                    continue;
                }
                const rel = srcPath === '/' ? at.slice(1) : at.slice(srcPath.length).replace(/^\//, '');
                const intoDirectory = rel !== '' || (!many && copiesIntoDirectory(model, model.final, copy));
                const finalPath = intoDirectory ? `${dest}/${rel || at.split('/').pop()}`.replace(/\/+/g, '/') : dest;
                result.push({ stage: from, build, builtAt: at, finalPath, copyLine: copy.line, ...(many ? { directory: true } : {}) });
            }
        }
    }
    return result;
}
// Go's own tools in a golang image (go, gofmt, vet …) are Go binaries too, but not the user's.
const TOOLCHAIN_PATH = /^\/?(usr\/(local\/)?(lib\/)?go(-[\d.]+)?|go\/pkg|root\/go\/pkg|usr\/local\/go)\//;
/**
 * The measured Go binaries that are the user's program: those at the path the
 * Dockerfile puts them, else those of the go.mod module, else all but the toolchain's.
 */
function appBinaries(model, goBinaries, moduleName) {
    const normal = (p) => `/${p.replace(/^\/+/, '')}`;
    const paths = new Set(finalBinaries(model, moduleName).map((b) => b.finalPath));
    const atPath = goBinaries.filter((b) => paths.has(normal(b.path)));
    if (atPath.length > 0)
        return atPath;
    const ofModule = moduleName ? goBinaries.filter((b) => b.module === moduleName) : [];
    if (ofModule.length > 0)
        return ofModule;
    return goBinaries.filter((b) => !TOOLCHAIN_PATH.test(b.path));
}

;// CONCATENATED MODULE: ./src/advisor/rule.ts

function finding(ctx, rule, severity, line, message, fix, estimatedSavings = null) {
    // Savings are only claimed from a measurement.
    return { rule, severity, file: ctx.model.file, line, message, estimatedSavings: ctx.measured ? estimatedSavings : null, fix };
}
/** Wasted bytes below this are noise. */
const WASTED_FLOOR = 1_000_000;
const budgetTight = (m) => m !== null && (m.budgetStatus === 'fail' || m.budgetStatus === 'warn');
/** The measured binaries that are the user's program (not the Go toolchain's own tools). */
const programBinaries = (ctx) => (ctx.measured ? appBinaries(ctx.model, ctx.measured.goBinaries, ctx.files?.goMod?.module ?? null) : []);
/** The `go build` a shaving rule's fix rewrites to, when the Dockerfile's own is not known. */
const SHAVED_BUILD = 'RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/app .';
/**
 * What the shaving rules (strip-symbols, trimpath) speak about: the measured
 * program binaries, each with the `go build` that made it; without a
 * measurement, the `go build` lines whose binary reaches the final image.
 */
function shavingTargets(ctx) {
    const built = finalBinaries(ctx.model, ctx.files?.goMod?.module ?? null);
    if (ctx.measured) {
        return programBinaries(ctx).map((binary) => {
            const from = built.find((x) => x.finalPath === `/${binary.path.replace(/^\/+/, '')}`) ?? built[0];
            return {
                path: binary.path,
                line: from?.build.line ?? ctx.model.final.line,
                bytes: binary.bytes,
                symbolBytes: binary.symbolBytes ?? null,
                stripped: binary.stripped,
                trimpath: binary.trimpath ?? from?.build.trimpath ?? false,
                goVersion: binary.goVersion ?? from?.stage.goVersion ?? null,
                from
            };
        });
    }
    const seen = new Set();
    return built
        .filter((b) => !seen.has(b.finalPath) && seen.add(b.finalPath))
        .map((b) => ({
        path: b.finalPath,
        line: b.build.line,
        bytes: null,
        symbolBytes: null,
        stripped: b.build.stripped,
        trimpath: b.build.trimpath,
        goVersion: b.stage.goVersion,
        from: b
    }));
}
/** Shaving is always worth saying (info); a tight budget makes it a warning. */
const shavingSeverity = (ctx) => (budgetTight(ctx.measured) ? 'warning' : 'info');

;// CONCATENATED MODULE: ./src/advisor/needs.ts





const TLS_PACKAGES = ['crypto/tls', 'crypto/x509', 'net/http', 'net/smtp', 'google.golang.org/grpc/credentials'];
// Standard packages that link libc through cgo when cgo is on.
const CGO_PACKAGES = ['net', 'net/http', 'os/user', 'plugin', 'runtime/cgo'];
/** The program's run-time needs: the measured binaries' (pclntab), else the context's sources. */
function programNeeds(ctx) {
    const measured = programBinaries(ctx).filter((b) => b.needs);
    if (measured.length > 0) {
        const any = (pick) => measured.some((b) => pick(b.needs));
        return {
            caCertificates: any((n) => n.systemRoots && !n.embedsRoots),
            timeZones: any((n) => n.loadsZones && !n.embedsTzdata),
            users: any((n) => n.usersLookup),
            source: "the binary's function table"
        };
    }
    const files = ctx.files;
    if (!files) {
        // Only build info (module paths) at hand: the standard library use is unknown; assume the roots are needed.
        return { caCertificates: true, timeZones: false, users: false, source: 'nothing (no sources, no function table): CA certificates assumed' };
    }
    const imports = files.imports;
    const unscanned = (files.goMod?.requires ?? 0) > 0 && !files.vendored;
    const tls = imports.some((p) => TLS_PACKAGES.includes(p));
    return {
        // Dependencies outside the context (not vendored) may make HTTPS calls we cannot see.
        caCertificates: tls || unscanned,
        timeZones: files.loadsTimeZones && !imports.includes('time/tzdata'),
        users: imports.includes('os/user'),
        source: files.vendored
            ? 'the sources (module and vendor/)'
            : unscanned
                ? `the module's own sources (its ${files.goMod.requires} required modules are not vendored: CA certificates assumed)`
                : 'the sources'
    };
}
/** Whether a stage has a C compiler: the Debian-based golang images do, alpine ones only after `apk add gcc`/build-base. */
function hasCCompiler(model, stage) {
    const base = classifyBase(rootImage(model, stage));
    if (base.kind === 'go-toolchain' && base.flavour !== 'alpine')
        return true;
    return stageChain(model, stage).some((s) => s.runs.some((r) => installedPackages(r.commands).some((p) => p.packages.some((x) => /^(gcc|build-base|build-essential|clang|musl-dev|libc6-dev|g\+\+)$/.test(x)))));
}
const libcOf = (model, stage) => {
    const base = classifyBase(rootImage(model, stage));
    return base.flavour === 'alpine' ? 'musl' : base.flavour === 'debian' || base.flavour === 'ubuntu' || base.kind === 'go-toolchain' ? 'glibc' : null;
};
/** How one `go build` links, from the Dockerfile and the sources. */
function predictedLinking(model, b, imports) {
    const cgo = b.build.cgoEnabled;
    const needsC = imports.includes('C') || cgo === '1';
    const libc = libcOf(model, b.stage);
    const staticFlags = /-extldflags[= ]["']?[^"']*-static/.test(b.build.ldflags ?? '') || (/\bnetgo\b/.test(b.build.tags ?? '') && !imports.includes('C') && !imports.includes('os/user'));
    if (cgo === '0')
        return { linking: 'static', libc: null, needsC: false, reason: 'CGO_ENABLED=0' };
    const reaching = imports.filter((p) => CGO_PACKAGES.includes(p) || p === 'C');
    const alpine = classifyBase(rootImage(model, b.stage)).flavour === 'alpine';
    // Before Go 1.20 the toolchain shipped a standard library compiled with cgo: on alpine, net and os/user linked musl dynamically without a C compiler.
    const oldAlpine = alpine && !goAtLeast(b.stage.goVersion, '1.20');
    const cgoOn = cgo === '1' || hasCCompiler(model, b.stage) || oldAlpine;
    if (!cgoOn)
        return { linking: 'static', libc: null, needsC, reason: 'no C compiler in the build stage, so cgo is off' };
    if (staticFlags)
        return { linking: 'static', libc, needsC, reason: 'linked with -extldflags -static' };
    // CGO_ENABLED=1 is asked for C code (the program's or a dependency's): it links libc.
    if (cgo === '1' && reaching.length === 0)
        return { linking: 'dynamic', libc, needsC, reason: 'CGO_ENABLED=1' };
    if (reaching.length > 0) {
        const why = cgo === '1'
            ? 'CGO_ENABLED=1'
            : oldAlpine && !hasCCompiler(model, b.stage)
                ? `Go ${b.stage.goVersion} on alpine links net and os/user against musl`
                : 'the build stage has a C compiler and CGO_ENABLED is not 0';
        return { linking: 'dynamic', libc, needsC, reason: `${why}, and it uses ${reaching.join(', ')}` };
    }
    return { linking: 'unknown', libc, needsC, reason: 'cgo is on; whether it links libc depends on its dependencies' };
}
/** How the program links: the measured ELF decides; else the Dockerfile and sources predict. */
function programLinking(ctx) {
    const imports = ctx.files?.imports ?? [];
    const measured = programBinaries(ctx);
    const needsC = imports.includes('C') || finalBinaries(ctx.model, ctx.files?.goMod?.module ?? null).some((b) => b.build.cgoEnabled === '1');
    if (measured.length > 0) {
        const dynamic = measured.filter((b) => !b.static);
        const built = finalBinaries(ctx.model, ctx.files?.goMod?.module ?? null);
        const libc = built[0] ? libcOf(ctx.model, built[0].stage) : null;
        return dynamic.length > 0
            ? {
                linking: 'dynamic',
                libc,
                needsC: needsC || dynamic.some((b) => b.needs?.cgo === true && !b.needs.cgoResolver && !b.needs.usersLookup),
                reason: `${dynamic.map((b) => b.path).join(', ')} is dynamically linked (it has an ELF interpreter)`
            }
            : { linking: 'static', libc: null, needsC, reason: 'the binary is statically linked' };
    }
    const predictions = finalBinaries(ctx.model, ctx.files?.goMod?.module ?? null).map((b) => predictedLinking(ctx.model, b, imports));
    return (predictions.find((p) => p.linking === 'dynamic') ??
        predictions.find((p) => p.linking === 'unknown') ??
        predictions[0] ?? { linking: 'unknown', libc: null, needsC, reason: 'no go build in the Dockerfile' });
}

;// CONCATENATED MODULE: ./src/advisor/rules/ca-certificates.ts
// ca-certificates: a scratch final stage whose program loads the system's CA
// roots (an HTTPS call anywhere in it, a dependency's included) and gets no
// root certificates ("x509: certificate signed by unknown authority").




const caCertificates = {
    id: 'ca-certificates',
    needsMeasurement: false,
    check(ctx) {
        const { model } = ctx;
        const base = rootImage(model, model.final);
        if (classifyBase(base).kind !== 'scratch')
            return [];
        const chain = stageChain(model, model.final);
        const provided = chain.some((s) => s.copies.some((c) => [...c.sources, c.dest].some((p) => /ssl\/certs|ca-certificates|ca-bundle|cert\.pem/.test(p))) || 'SSL_CERT_FILE' in s.env || 'SSL_CERT_DIR' in s.env);
        if (provided)
            return [];
        const needs = programNeeds(ctx);
        if (!needs.caCertificates)
            return [];
        return [
            finding(ctx, 'ca-certificates', 'warning', model.final.line, `The program loads the system's CA roots (read from ${needs.source}) but \`scratch\` has no CA certificates: TLS connections fail with "certificate signed by unknown authority". Copy them from the build stage or use distroless static.`, 'COPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/\n# or: FROM gcr.io/distroless/static-debian12:nonroot')
        ];
    }
};

;// CONCATENATED MODULE: ./src/advisor/final-stage.ts
// What the original final stage needs at run time, read from the Dockerfile:
// the command it runs (its own, or inherited from the base image), the
// packages it installs, what each of its RUNs does, whether it needs a shell,
// and the paths it puts in the image (which a suggestion must keep). Pure.



/** Packages distroless static already has the files of. */
const DISTROLESS_PROVIDES = new Set(['ca-certificates', 'tzdata', 'ca-certificates-bundle', 'alpine-baselayout-data']);
const SHELLS = /(^|\/)(sh|bash|ash|dash|zsh)$/;
/** An instruction's argv as docker runs it: exec form as written, shell form through /bin/sh -c. */
function argvOf(ins) {
    const raw = ins.raw.trim();
    if (raw.startsWith('[')) {
        try {
            const words = JSON.parse(raw);
            if (Array.isArray(words) && words.every((w) => typeof w === 'string'))
                return words;
        }
        catch {
            // not JSON: shell form
        }
    }
    return ['/bin/sh', '-c', raw];
}
/** The effective command of a stage: its ENTRYPOINT/CMD, falling back to the base image's. */
function effectiveCommand(model, stage) {
    const root = stageChain(model, stage).pop();
    const base = root.base;
    const entrypoint = stage.entrypoint ? argvOf(stage.entrypoint) : (base?.entrypoint ?? null);
    const cmd = stage.cmd ? argvOf(stage.cmd) : stage.inheritedCmdCleared ? null : (base?.cmd ?? null);
    const argv = [...(entrypoint ?? []), ...(cmd ?? [])];
    const source = stage.entrypoint || stage.cmd ? 'dockerfile' : argv.length > 0 ? 'base' : 'none';
    return { argv, source };
}
function classifyRun(commands) {
    const packages = installedPackages(commands).flatMap((p) => p.packages);
    const kinds = new Set();
    for (const w of commands) {
        const word = w[0]?.split('/').pop() ?? '';
        if (/^(apk|apt-get|apt|yum|dnf|microdnf|zypper)$/.test(word))
            kinds.add('packages');
        else if (/^(rm|update-ca-certificates)$/.test(word))
            kinds.add('cleanup');
        else if (/^(adduser|useradd|addgroup|groupadd|usermod)$/.test(word))
            kinds.add('user');
        else if (word === 'mkdir')
            kinds.add('directories');
        else if (/^(chmod|chown|chgrp)$/.test(word))
            kinds.add('permissions');
        else if (word !== 'set' && word !== 'true')
            kinds.add('other');
    }
    if (kinds.has('other') || kinds.size === 0)
        return { kind: 'other', replacement: '', packages };
    if (kinds.has('packages') && packages.some((p) => !DISTROLESS_PROVIDES.has(p)))
        return { kind: 'packages', replacement: '', packages };
    const replacement = [
        kinds.has('packages') ? 'distroless has the CA certificates and zone data these packages install' : '',
        kinds.has('user') ? 'the base has a non-root user (nonroot, 65532)' : '',
        kinds.has('directories') ? 'COPY and WORKDIR create the directories they write to' : '',
        kinds.has('permissions') ? 'COPY --chown/--chmod set ownership and modes without a shell' : '',
        kinds.has('cleanup') ? 'there is nothing of it to clean up in the new base' : ''
    ]
        .filter(Boolean)
        .join('; ');
    return { kind: [...kinds][0], replacement, packages };
}
/** The stages whose instructions end up in the final image: the final stage's chain, from the last `go build` on. */
function runtimeInstructions(model) {
    const chain = stageChain(model, model.final);
    const lastBuild = Math.max(0, ...chain.flatMap((s) => s.goBuilds.map((b) => b.line)));
    return chain.map((stage) => ({ stage, after: lastBuild }));
}
function finalStageFacts(model) {
    const runs = [];
    const unmet = new Set();
    const text = (line, end) => model.text
        .split(/\r?\n/)
        .slice(line - 1, end)
        .join('\n');
    for (const { stage, after } of runtimeInstructions(model)) {
        for (const run of stage.runs.filter((r) => r.line > after)) {
            const c = classifyRun(run.commands);
            for (const p of c.packages)
                if (!DISTROLESS_PROVIDES.has(p))
                    unmet.add(p);
            runs.push({ line: run.line, text: text(run.line, run.endLine), kind: c.kind, replacement: c.replacement });
        }
    }
    runs.sort((a, b) => a.line - b.line);
    const command = effectiveCommand(model, model.final);
    const healthIns = stageChain(model, model.final)
        .flatMap((s) => s.instructions.filter((i) => i.keyword === 'HEALTHCHECK'))
        .sort((a, b) => b.line - a.line)[0];
    const healthcheck = healthIns && !/^\s*NONE\b/i.test(healthIns.raw) ? { line: healthIns.line, exec: /\bCMD\s+\[/.test(healthIns.raw), text: text(healthIns.line, healthIns.endLine) } : null;
    return { command, unmetPackages: [...unmet], runs, needsShell: shellNeed(model, command), healthcheck };
}
/** A command that runs a shell, a script, or shell syntax needs /bin/sh in the image. */
function shellNeed(model, command) {
    if (command.source !== 'dockerfile')
        return null;
    const ins = model.final.entrypoint ?? model.final.cmd;
    const line = ins?.line ?? null;
    const [first, second, third] = command.argv;
    if (first === '/bin/sh' && second === '-c' && ins && !ins.raw.trim().startsWith('[')) {
        // Shell form: plain words can become exec form; shell syntax cannot.
        if (/[$|&;<>`*?(){}]/.test(third ?? ''))
            return { line, why: `its ${ins.keyword} uses shell syntax (\`${(third ?? '').slice(0, 60)}\`)` };
        const words = splitCommands(third ?? '')[0] ?? [];
        if (words[0] && /\.sh$/.test(words[0]))
            return { line, why: `its ${ins.keyword} runs the script ${words[0]}` };
        return null;
    }
    if (first && SHELLS.test(first))
        return { line, why: `its ${ins?.keyword ?? 'command'} runs ${first}${second ? ` ${second}` : ''}` };
    const script = command.argv.find((w) => /\.sh$/.test(w));
    if (script)
        return { line, why: `its ${ins?.keyword ?? 'command'} runs the script ${script}` };
    return null;
}
/**
 * What the original's final image received and a suggestion must keep: each
 * COPY/ADD destination of the final stage (after its last `go build`, when it
 * builds in place) and each program binary.
 */
function expectedPaths(model, moduleName) {
    const out = [];
    const seen = new Set();
    const add = (path, directory, line) => {
        if (seen.has(path))
            return;
        seen.add(path);
        out.push({ path, directory, line });
    };
    for (const { stage, after } of runtimeInstructions(model)) {
        for (const copy of stage.copies.filter((c) => c.line > after)) {
            if (copy.sources.length === 0 || copy.dest === '')
                continue;
            add(resolvePath(copy.workdir, copy.dest), copiesIntoDirectory(model, stage, copy), copy.line);
        }
    }
    for (const b of finalBinaries(model, moduleName))
        add(b.finalPath, b.directory === true, b.copyLine ?? b.build.line);
    return out.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}
/**
 * A final stage that builds in place shipped its sources: the files its
 * program opens at run time (named in the Go sources) and the scripts its
 * command runs came in with the broad COPY. The suggestion copies them from
 * the build stage, and the proof checks they are there.
 */
function sourceFilesToKeep(model, runtimeFiles, moduleName) {
    const chain = stageChain(model, model.final);
    const lastBuild = Math.max(0, ...chain.flatMap((s) => s.goBuilds.map((b) => b.line)));
    const broad = chain.flatMap((s) => s.copies).find((c) => c.from === null && c.line < lastBuild && c.sources.some((x) => ['.', './', '*'].includes(x)));
    if (!broad)
        return [];
    const root = resolvePath(broad.workdir, broad.dest);
    const programs = new Set(finalBinaries(model, moduleName).map((b) => b.finalPath));
    const keep = runtimeFiles.map((name) => resolvePath(root, name));
    for (const word of effectiveCommand(model, model.final).argv) {
        if (!/\.(sh|bash)$/.test(word) && !/^\.\//.test(word))
            continue;
        const at = resolvePath(model.final.workdir, word);
        if ((at === root || at.startsWith(`${root}/`)) && !programs.has(at))
            keep.push(at);
    }
    return [...new Set(keep)].map((path) => ({ path, line: broad.line }));
}

;// CONCATENATED MODULE: ./src/advisor/runtime-base.ts
// The one answer to "what should the final stage run on", shared by the
// rules' fix snippets and the suggested Dockerfile, so they tell one story.
// A minimal base only when every run-time need is met or named: packages the
// final stage installs, a shell its command needs, libc for a binary that
// must stay dynamic, CA roots, zone data, a user. Pure.




const DISTROLESS_STATIC = 'gcr.io/distroless/static-debian12';
const DISTROLESS_BASE = 'gcr.io/distroless/base-debian12';
const DISTROLESS_BASE_NONROOT = 'gcr.io/distroless/base-debian12:nonroot';
/** Small bases with a shell, for a final stage that needs one (static binary, or glibc). */
const SHELL_BASE = { static: 'alpine', glibc: 'debian:bookworm-slim' };
const isRoot = (user) => /^(root|0)(:.*)?$/.test(user.trim()) || user.trim() === '';
function chooseRuntimeBase(ctx) {
    const { model, measured } = ctx;
    const facts = finalStageFacts(model);
    const linking = programLinking(ctx);
    const needs = programNeeds(ctx);
    const original = rootImage(model, model.final);
    const info = classifyBase(original);
    const toolchain = info.kind === 'go-toolchain' || stageChain(model, model.final).some((s) => s.goBuilds.length > 0);
    const keepCgo = linking.needsC;
    const glibc = keepCgo && linking.libc !== 'musl';
    const common = { facts, linking, programNeeds: needs, keepCgo };
    // A need no minimal base meets: keep the base (or, for a toolchain image, the smallest with a shell).
    const otherRun = facts.runs.find((r) => r.kind === 'other');
    const blocker = facts.unmetPackages.length > 0
        ? `the final stage installs ${facts.unmetPackages.join(', ')}`
        : facts.needsShell
            ? facts.needsShell.why
            : otherRun
                ? `the final stage runs \`${otherRun.text
                    .split('\n')[0]
                    .replace(/^RUN\s+/, '')
                    .slice(0, 60)}\``
                : keepCgo && linking.libc === 'musl'
                    ? 'the program has C code linked against musl'
                    : null;
    if (blocker) {
        const base = !toolchain ? original : keepCgo || (linking.libc === 'glibc' && linking.linking === 'dynamic') ? SHELL_BASE.glibc : SHELL_BASE.static;
        return { ...common, base, keepsBase: base === original, needs: [], blocker };
    }
    const user = model.final.user?.value ?? (measured?.user || null);
    const nonRoot = user !== null ? !isRoot(user) : info.nonRoot;
    // Already minimal: scratch or distroless static stay, unless a need is unmet (the findings name it).
    if ((info.kind === 'scratch' || info.kind === 'distroless-static') && !glibc) {
        const chain = stageChain(model, model.final);
        const copied = (re) => chain.some((s) => s.copies.some((c) => [...c.sources, c.dest].some((p) => re.test(p))));
        const unmet = [];
        if (info.kind === 'scratch') {
            if (needs.caCertificates && !copied(/ssl\/certs|ca-certificates|ca-bundle|cert\.pem/))
                unmet.push('CA certificates');
            if (needs.timeZones && !copied(/zoneinfo|tzdata/))
                unmet.push('time zones');
            if (user !== null && !isRoot(user) && !/^\d+(:\d+)?$/.test(user.trim()) && !copied(/etc\/passwd/))
                unmet.push('a non-root user');
        }
        if (unmet.length === 0)
            return { ...common, base: original, keepsBase: true, needs: [], blocker: null };
        const base = unmet.includes('a non-root user') ? DISTROLESS_STATIC_NONROOT : DISTROLESS_STATIC;
        return { ...common, base, keepsBase: false, needs: unmet, blocker: null };
    }
    const named = user !== null && !isRoot(user) && !/^\d+(:\d+)?$/.test(user.trim());
    const wants = [];
    if (glibc)
        wants.push('glibc (the program has C code)');
    if (needs.caCertificates)
        wants.push('CA certificates');
    if (needs.timeZones)
        wants.push('time zones');
    // A named user needs a passwd entry (distroless :nonroot has one); a numeric one runs anywhere, scratch too.
    if (named || (nonRoot && user === null))
        wants.push('a non-root user');
    const nonRootBase = named || (nonRoot && user === null);
    const base = glibc ? (nonRootBase ? DISTROLESS_BASE_NONROOT : DISTROLESS_BASE) : nonRootBase ? DISTROLESS_STATIC_NONROOT : wants.length > 0 ? DISTROLESS_STATIC : SCRATCH;
    return { ...common, base, keepsBase: base === original, needs: wants, blocker: null };
}

;// CONCATENATED MODULE: ./src/advisor/rules/cgo-disabled.ts
// cgo-disabled: a scratch or distroless-static final stage whose binary is
// (or, from the Dockerfile, will be) dynamically linked: it cannot start
// ("no such file or directory" for the missing loader). With a binary the ELF
// decides; without one, a C compiler in the build stage with CGO_ENABLED not
// 0, or Go before 1.20 on alpine, turns cgo on for net and os/user.






const cgoDisabled = {
    id: 'cgo-disabled',
    needsMeasurement: false,
    check(ctx) {
        const { model, files } = ctx;
        const base = rootImage(model, model.final);
        if (!isMinimalStatic(classifyBase(base).kind))
            return [];
        const binaries = finalBinaries(model, files?.goMod?.module ?? null);
        const line = binaries[0]?.build.line ?? model.final.line;
        const linking = programLinking(ctx);
        if (linking.linking === 'static')
            return [];
        // C code of its own cannot be built with cgo off: it needs a base with libc instead.
        const fix = linking.needsC ? `FROM ${DISTROLESS_BASE}   # glibc and its loader, for a binary with C code` : 'RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/app .';
        const remedy = linking.needsC ? `The program has C code: use a base with libc (${DISTROLESS_BASE}).` : 'Build with CGO_ENABLED=0.';
        if (linking.linking === 'dynamic') {
            const certain = ctx.measured !== null && linking.reason.includes('ELF interpreter');
            return [
                finding(ctx, 'cgo-disabled', certain || binaries.some((b) => b.build.cgoEnabled === '1') ? 'error' : 'warning', line, `The binary ${certain ? 'is' : 'will be'} dynamically linked (${linking.reason}) but \`${base}\` has no C library: it cannot start. ${remedy}`, fix)
            ];
        }
        // Unknown: cgo is on and the module has dependencies we cannot see.
        if (!(files?.goMod && files.goMod.requires > 0))
            return [];
        return [
            finding(ctx, 'cgo-disabled', 'warning', line, `The binary may be dynamically linked (${linking.reason}) but the final stage is \`${base}\`, which has no C library: it would not start. ${remedy}`, fix)
        ];
    }
};

;// CONCATENATED MODULE: ./src/advisor/rules/dockerignore.ts
// dockerignore: a broad COPY (`COPY . .`) sends what no image needs (.git,
// dependencies, build output, testdata/, large files) into a layer, and every
// commit busts its cache: there is no .dockerignore, or it lets them through.
// Savings: the bytes of those entries, when the COPY lands in the final image.



const isBroad = (source) => ['.', './', '*', './*', '/'].includes(source);
/** The .dockerignore line for an entry: a nested directory (testdata/) wherever it is, anything else as it is. */
const ignoreLine = (path) => (path.endsWith('/') && path.slice(0, -1).includes('/') ? `**/${path.slice(0, -1).split('/').pop()}/` : path);
const dockerignore = {
    id: 'dockerignore',
    needsMeasurement: false,
    check(ctx) {
        const { model, files } = ctx;
        if (!files || files.unwanted.length === 0)
            return [];
        const finalChain = new Set(stageChain(model, model.final).map((s) => s.index));
        const stages = [...stageChain(model, model.final), ...buildStagesOf(model, model.final)];
        const broad = stages
            .flatMap((s) => s.copies.filter((c) => c.from === null && c.sources.some(isBroad)).map((c) => ({ copy: c, final: finalChain.has(s.index) })))
            .sort((a, b) => a.copy.line - b.copy.line)[0];
        if (!broad)
            return [];
        const bytes = files.unwanted.reduce((sum, u) => sum + u.bytes, 0);
        const list = files.unwanted
            .slice(0, 8)
            .map((u) => `${u.path} (${u.atLeast ? '≥ ' : ''}${formatSize(u.bytes)})`)
            .join(', ') + (files.unwanted.length > 8 ? ` and ${files.unwanted.length - 8} more` : '');
        const why = files.hasDockerignore ? 'the .dockerignore does not exclude them' : 'there is no .dockerignore';
        return [
            finding(ctx, 'dockerignore', 'warning', broad.copy.line, `\`${broad.copy.keyword} ${broad.copy.sources.join(' ')} ${broad.copy.dest}\` sends ${list} into ${broad.final ? 'the final image' : 'a build layer'} and rebuilds it on every commit: ${why}.`, [...new Set(files.unwanted.map((u) => ignoreLine(u.path)))].concat(files.hasDockerignore ? [] : ['*.test', 'Dockerfile*']).join('\n'), broad.final ? bytes : null)
        ];
    }
};

;// CONCATENATED MODULE: ./src/advisor/rules/layer-order.ts
// layer-order: sources copied before the modules are fetched, so every
// source change fetches every module again. Fetching is `go mod download`
// (or tidy, vendor, go get) after the broad COPY, or a step that resolves
// modules itself (go build/run/test/generate, a make target) in a module with
// requirements and no module cache mount. A vendored build fetches nothing:
// no finding, and never advice that would make an offline build need the network.



const layer_order_isBroad = (source) => ['.', './', '*', './*'].includes(source);
const MODULE_CACHE = /(target|dst|destination)=(\/go|\/go\/pkg|\/go\/pkg\/mod|\/root\/go\/pkg\/mod)\/?(,|$)/;
const layerOrder = {
    id: 'layer-order',
    needsMeasurement: false,
    check(ctx) {
        const { model, files } = ctx;
        const stages = [...stageChain(model, model.final), ...buildStagesOf(model, model.final)];
        const findings = [];
        for (const stage of stages) {
            const steps = [
                ...stage.copies.filter((c) => c.from === null).map((c) => ({ line: c.line, broad: c.sources.some(layer_order_isBroad), copy: c, run: null })),
                ...stage.runs.map((r) => ({ line: r.line, broad: false, copy: null, run: r }))
            ].sort((a, b) => a.line - b.line);
            const firstBroad = steps.find((s) => s.broad);
            if (!firstBroad)
                continue;
            const runs = steps.filter((s) => s.run).map((s) => s.run);
            // Modules come from vendor/ (`-mod=vendor`, GOFLAGS, or vendor/modules.txt with go ≥ 1.14): nothing is downloaded.
            const vendorFlag = runs.some((r) => usesVendor(r.commands)) || /-mod=vendor/.test(stage.env.GOFLAGS ?? '');
            const modVendorRun = runs.find((r) => r.commands.some((w) => w.includes('vendor') && w.includes('mod')));
            // …unless the Dockerfile runs `go mod vendor` itself, which downloads them all.
            if ((vendorFlag || files?.vendored) && !modVendorRun)
                continue;
            const before = runs.filter((r) => r.line < firstBroad.line);
            const after = runs.filter((r) => r.line > firstBroad.line);
            if (before.some((r) => hasGoModDownload(r.commands)))
                continue;
            const downloadAfter = after.find((r) => hasGoModDownload(r.commands));
            const resolving = after.find((r) => resolvesModules(r.commands));
            // A cache mount on the module cache (/go/pkg/mod, or all of GOPATH) keeps modules across source changes; the build cache does not.
            const cached = resolving?.mounts.some((m) => /type=cache/.test(m) && MODULE_CACHE.test(m)) ?? false;
            const needsModules = (files?.goMod?.requires ?? 0) > 0;
            if (!downloadAfter && !(resolving && needsModules && !cached))
                continue;
            const copy = firstBroad.copy;
            const step = downloadAfter ? 'the modules are downloaded' : `\`${(resolving.commands.find((w) => w.length > 0) ?? []).slice(0, 3).join(' ')}\` fetches the modules`;
            findings.push(finding(ctx, 'layer-order', 'info', firstBroad.line, `\`${copy.keyword} ${copy.sources.join(' ')} ${copy.dest}\` comes before ${step}: every source change downloads them all again. Copy go.mod and go.sum and run \`go mod download\` first.`, `COPY go.mod go.sum ./\nRUN go mod download\n${copy.keyword} ${copy.sources.join(' ')} ${copy.dest}`));
        }
        return findings;
    }
};

;// CONCATENATED MODULE: ./src/advisor/rules/minimal-base.ts
// minimal-base: a Go binary on a full distribution (or a static one on
// distroless with libc) where a smaller base meets every run-time need: the
// packages the final stage installs, a shell its command needs, libc for a
// binary that stays dynamic, CA roots, zone data, a user. Savings: the base's
// layers and the final stage's RUN layers, less the new base, measured.






const minimalBase = {
    id: 'minimal-base',
    needsMeasurement: false,
    check(ctx) {
        const { model, measured } = ctx;
        const base = rootImage(model, model.final);
        const info = classifyBase(base);
        if (info.kind !== 'distribution' && info.kind !== 'distroless')
            return [];
        const chain = stageChain(model, model.final);
        if (chain.some((s) => s.goBuilds.length > 0))
            return []; // multi-stage's business
        const program = programBinaries(ctx);
        const binaries = finalBinaries(model, ctx.files?.goMod?.module ?? null);
        if (binaries.length === 0 && program.length === 0)
            return []; // no sign of a Go binary in this image
        // Every run-time need met or named, or no finding: a minimal base that breaks the app is no advice.
        const choice = chooseRuntimeBase(ctx);
        if (choice.blocker || choice.base === base)
            return [];
        const runLines = new Set(chain.flatMap((s) => s.runs.map((r) => r.line)));
        const removable = measured ? measured.layers.filter((l) => l.fromBaseImage || (l.dockerfileLine !== null && runLines.has(l.dockerfileLine))) : [];
        const newBase = choice.base === 'scratch' ? 0 : (measured?.baseSizes?.[choice.base] ?? 0);
        const binaryBytes = program.reduce((sum, b) => sum + b.bytes, 0);
        const removed = measured ? (measured.layers.length > 0 ? removable.reduce((sum, l) => sum + l.uncompressed, 0) : measured.size - binaryBytes) : 0;
        const savings = measured ? Math.max(0, removed - newBase) : null;
        const linking = choice.linking.linking === 'dynamic' ? 'dynamically linked (cgo)' : 'static';
        const on = info.kind === 'distroless' ? `distroless with libc (\`${base}\`)` : `${info.flavour ?? base} (\`${base}\`)`;
        const worth = measured && savings !== null ? ` ${formatSize(removed)} of ${formatSize(measured.size)} is the base and what the final stage adds to it; the binary is ${formatSize(binaryBytes)}.` : '';
        const fromProgram = choice.programNeeds.caCertificates || choice.programNeeds.timeZones || choice.needs.length === 0 ? ` (read from ${choice.programNeeds.source})` : '';
        const needs = choice.needs.length > 0 ? ` It needs ${choice.needs.join(', ')}${fromProgram}: \`${choice.base}\` has them.` : ` It needs nothing from the base${fromProgram}.`;
        const replaced = choice.facts.runs.length > 0 ? ` The final stage's RUN steps are replaced: ${[...new Set(choice.facts.runs.map((r) => r.replacement))].join('; ')}.` : '';
        const sized = measured?.baseSizes?.[choice.base] !== undefined ? ` (${formatSize(measured.baseSizes[choice.base])})` : '';
        const fix = `FROM ${choice.base}${choice.linking.linking === 'dynamic' && !choice.keepCgo ? '\n# and CGO_ENABLED=0 in the build stage: the binary is then static' : ''}`;
        return [
            finding(ctx, 'minimal-base', 'warning', model.final.line, `The final stage runs a ${linking} Go binary on ${on}.${worth} \`${choice.base}\`${sized} is enough.${needs}${replaced}`, fix, savings)
        ];
    }
};

;// CONCATENATED MODULE: ./src/advisor/rules/multi-stage.ts
// multi-stage: the final image still carries the Go toolchain (or builds in
// place), so everything but the binary ships. Savings: image size minus the
// measured binaries (and the base the suggestion ends on, when it is at hand).





const multiStage = {
    id: 'multi-stage',
    needsMeasurement: false,
    check(ctx) {
        const { model, measured } = ctx;
        const base = rootImage(model, model.final);
        const toolchain = classifyBase(base).kind === 'go-toolchain';
        const buildsInPlace = stageChain(model, model.final).some((s) => s.goBuilds.length > 0);
        if (!toolchain && !buildsInPlace)
            return [];
        // The same base the suggested Dockerfile ends on, so the finding and the suggestion tell one story.
        const choice = chooseRuntimeBase(ctx);
        const runtime = choice.base;
        // Everything but the program's own binary goes (the toolchain's binaries included); the new base comes in.
        const program = programBinaries(ctx);
        const binaryBytes = program.reduce((sum, b) => sum + b.bytes, 0);
        const baseBytes = runtime === 'scratch' ? 0 : (measured?.baseSizes?.[runtime] ?? 0);
        const savings = measured && program.length > 0 ? Math.max(0, measured.size - binaryBytes - baseBytes) : null;
        const what = toolchain ? `the Go toolchain (${base})` : 'its build tools and sources';
        const sizes = measured && savings !== null ? ` ${formatSize(measured.size)} ship for a ${formatSize(binaryBytes)} binary;` : '';
        const why = choice.blocker ? ` (it keeps a shell: ${choice.blocker})` : choice.needs.length ? ` (for ${choice.needs.join(', ')})` : '';
        return [
            finding(ctx, 'multi-stage', measured?.budgetStatus === 'fail' ? 'error' : 'warning', model.final.line, `The final image carries ${what}:${sizes} build in one stage and copy only the binary into a \`FROM ${runtime}\` stage${why}.`, [
                `FROM ${base} AS build`,
                '# … your COPY and RUN steps …',
                `RUN ${choice.keepCgo ? '' : 'CGO_ENABLED=0 '}go build -trimpath -ldflags="-s -w" -o /out/app .`,
                '',
                `FROM ${runtime}`,
                'COPY --from=build /out/app /app',
                'ENTRYPOINT ["/app"]'
            ].join('\n'), savings)
        ];
    }
};

;// CONCATENATED MODULE: ./src/advisor/rules/non-root.ts
// non-root: the final stage runs as root (no USER, or USER root/0), so a
// process escape starts as root. Distroless `:nonroot` or a numeric USER fix it.



const non_root_isRoot = (user) => /^(root|0)(:.*)?$/.test(user.trim()) || user.trim() === '';
const nonRoot = {
    id: 'non-root',
    needsMeasurement: false,
    check(ctx) {
        const { model, measured } = ctx;
        const declared = model.final.user;
        const base = classifyBase(rootImage(model, model.final));
        // The built image's config is the truth (a base image may set USER); else the Dockerfile and the base's name.
        const root = measured?.user !== undefined && measured?.user !== null ? non_root_isRoot(measured.user) : declared ? non_root_isRoot(declared.value) : !base.nonRoot;
        if (!root)
            return [];
        const fix = base.kind === 'scratch' ? 'USER 65532:65532' : 'FROM gcr.io/distroless/static-debian12:nonroot\n# or, on any base: USER 65532:65532';
        return [
            finding(ctx, 'non-root', 'warning', declared && non_root_isRoot(declared.value) ? declared.line : model.final.line, 'The container runs as root. Run it as an unprivileged user: a numeric USER works even on scratch, which has no /etc/passwd.', fix)
        ];
    }
};

;// CONCATENATED MODULE: ./src/advisor/suggest.ts
// The suggested Dockerfile: the user's own build steps as build stage(s) with
// `go build` shaved (CGO_ENABLED=0 unless the program has C code, -trimpath
// where the Go version has it, -ldflags="-s -w"), and a final stage on the
// base chooseRuntimeBase() names. Everything the original final stage has is
// kept, or replaced by a line that says what replaces it and why; nothing is
// dropped silently. Pure: model in, text out.






/** Rewrites the `go build` commands in a RUN's text: cgo off, paths trimmed, symbols stripped. */
function rewriteGoBuild(runText, options = {}) {
    if (/^RUN\s+(--\S+\s+)*\[/.test(runText)) {
        // Exec form: rewrite as shell form, which can carry the environment assignment.
        const prefix = /^RUN\s+((?:--\S+\s+)*)/.exec(runText)[1];
        const json = runText.replace(/^RUN\s+(--\S+\s+)*/, '');
        try {
            const words = JSON.parse(json);
            return rewriteGoBuild(`RUN ${prefix}${words.map(shellQuote).join(' ')}`, options);
        }
        catch {
            return runText;
        }
    }
    return runText.replace(/((?:\b[A-Za-z_][A-Za-z0-9_]*=\S*\s+)*)((?:\S*\/)?(?:xx-)?go\s+(?:build|install))((?:[^\n&;|\\]|\\\n)*)/g, (_m, envs, go, rest) => {
        const env = options.keepCgo ? envs : envs.replace(/\bCGO_ENABLED=\S*\s+/g, '');
        let args = rest;
        const ld = /(\s--?ldflags)(=|\s+)(?:(["'])(.*?)\3|([^\s"']+))/.exec(args);
        if (!ld)
            args = ` -ldflags="-s -w"${args}`;
        else {
            const value = ld[4] ?? ld[5] ?? '';
            const words = splitCommands(value)[0] ?? [];
            const add = ['-s', '-w'].filter((f) => !words.includes(f));
            if (add.length > 0) {
                const merged = `${add.join(' ')} ${value}`.trim();
                args = args.replace(ld[0], `${ld[1]}=${ld[3] === "'" ? `'${merged}'` : `"${merged.replace(/"/g, '\\"')}"`}`);
            }
        }
        if (options.trimpath !== false && !/(^|\s)--?trimpath\b/.test(args))
            args = ` -trimpath${args}`;
        return `${env}${options.keepCgo ? '' : 'CGO_ENABLED=0 '}${go}${args}`;
    });
}
function textOf(model, ins) {
    return model.text
        .split(/\r?\n/)
        .slice(ins.line - 1, ins.endLine)
        .join('\n');
}
/** CMD/ENTRYPOINT in exec form (scratch and distroless have no /bin/sh); shell syntax was ruled out before. */
function execForm(model, ins) {
    if (ins.raw.trimStart().startsWith('['))
        return textOf(model, ins);
    const words = splitCommands(ins.raw)[0] ?? [];
    return `${ins.keyword} ${JSON.stringify(words).replace(/","/g, '", "')}`;
}
const isNumericUser = (user) => /^\d+(:\d+)?$/.test(user.trim());
const CARRIED = new Set(['ENV', 'EXPOSE', 'LABEL', 'STOPSIGNAL', 'VOLUME', 'ARG', 'ONBUILD']);
const hasShell = (base) => !['scratch', 'distroless-static', 'distroless'].includes(classifyBase(base).kind);
// Users the distroless images have in /etc/passwd.
const DISTROLESS_USERS = new Set(['root', 'nonroot', 'nobody']);
/** A COPY whose destination is a directory keeps a trailing slash, so a base without that directory gets one (not a file of that name). */
function copyText(model, stage, copy) {
    const ins = stage.instructions.find((i) => i.line === copy.line);
    const text = textOf(model, ins);
    if (copy.dest.endsWith('/') || copy.dest === '.' || text.includes('\n') || copy.sources.length !== 1 || !copiesIntoDirectory(model, stage, copy))
        return text;
    return text.replace(new RegExp(`\\s${copy.dest.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`), ` ${copy.dest}/`);
}
function suggestDockerfile({ model, measured, files }) {
    const moduleName = files?.goMod?.module ?? null;
    const binaries = finalBinaries(model, moduleName);
    const measuredProgram = (measured?.goBinaries.length ?? 0) > 0;
    if (binaries.length === 0 && !measuredProgram)
        return null;
    const choice = chooseRuntimeBase({ model, measured, files });
    const base = choice.base;
    const finalChain = stageChain(model, model.final);
    const buildsInPlace = finalChain.some((s) => s.goBuilds.length > 0);
    // Nothing to change: the final base stays and every go build is already shaved.
    const shaved = model.stages
        .filter((s) => s.index <= model.final.index)
        .every((s) => s.goBuilds.every((b) => b.stripped && (b.trimpath || !goAtLeast(s.goVersion, '1.13')) && (choice.keepCgo || b.cgoEnabled === '0')));
    if (choice.keepsBase && !buildsInPlace && shaved)
        return null;
    const notes = [];
    const lines = model.text.split(/\r?\n/);
    const out = [];
    const preamble = lines
        .slice(0, model.stages[0].line - 1)
        .join('\n')
        .trimEnd();
    if (preamble)
        out.push(preamble);
    const flagged = (s) => `CGO_ENABLED${choice.keepCgo ? ' as it was' : '=0'}${goAtLeast(s.goVersion, '1.13') ? ' -trimpath' : ''} -ldflags="-s -w"`;
    const buildStage = binaries[0]?.stage ?? model.final;
    out.push(`# Suggested by go-image-budget: build stage(s) as before, with ${flagged(buildStage)};`);
    out.push(`# final stage on ${base}${choice.needs.length ? ` (for ${choice.needs.join(', ')})` : ''}${choice.blocker ? ` (${choice.keepsBase ? 'kept' : 'a shell and its tools'}: ${choice.blocker})` : ''}.`);
    const buildName = (s) => s.name ?? (s.index === model.final.index ? 'build' : String(s.index));
    const goBuildLines = new Map(model.stages.flatMap((s) => s.goBuilds.map((b) => [b.line, s])));
    const rewrite = (text, stage) => rewriteGoBuild(text, { keepCgo: choice.keepCgo, trimpath: goAtLeast(stage.goVersion, '1.13') });
    const emitStage = (stage, fromText, upTo) => {
        out.push('', fromText);
        for (const ins of stage.instructions.slice(1)) {
            if (ins.line > upTo)
                break;
            const text = textOf(model, ins);
            out.push(goBuildLines.has(ins.line) ? rewrite(text, stage) : text);
        }
    };
    // Build stages as written (go build rewritten); a final stage that builds in place becomes the build stage up to its last `go build`.
    for (const stage of model.stages) {
        if (stage.index >= model.final.index)
            continue;
        emitStage(stage, textOf(model, stage.instructions[0]), Infinity);
    }
    let lastBuildLine = 0;
    if (buildsInPlace) {
        const final = model.final;
        lastBuildLine = Math.max(...finalChain.flatMap((s) => s.goBuilds.map((b) => b.line)));
        const platform = final.platform ? `--platform=${final.platform} ` : '';
        emitStage(final, `FROM ${platform}${final.imageRaw} AS ${buildName(final)}`, lastBuildLine);
    }
    out.push('', `FROM ${base}`);
    const finalStage = model.final;
    const rest = [];
    const shell = hasShell(base);
    const replaced = (text, why) => {
        notes.push(`${text.split('\n')[0]}: ${why}`);
        return `# replaced: ${text.split('\n')[0]}  (${why})`;
    };
    const runLine = (ins, text) => {
        if (choice.keepsBase || shell)
            return text;
        const run = choice.facts.runs.find((r) => r.line === ins.line);
        // On scratch nothing stands in for certificate or zone packages: the program does not need them.
        const why = run?.kind === 'packages' && base === SCRATCH ? `the program needs neither CA certificates nor zone data (read from ${choice.programNeeds.source})` : run?.replacement;
        return replaced(text, why || `${base} has no shell to run it`);
    };
    const userLine = (value, text) => {
        if (isNumericUser(value) || choice.keepsBase || shell)
            return text;
        const name = value.split(':')[0];
        if (DISTROLESS_USERS.has(name) && base !== SCRATCH)
            return text;
        return replaced(text, base === DISTROLESS_STATIC_NONROOT || base === DISTROLESS_BASE_NONROOT ? 'the image runs as its nonroot user (65532)' : `${base} has no /etc/passwd: use a numeric USER`);
    };
    const healthLine = (ins, text) => {
        if (shell || /\bCMD\s+\[/.test(ins.raw) || /^\s*NONE\b/i.test(ins.raw))
            return text;
        return replaced(text, `${base} has no shell (and none of its tools) for a shell-form HEALTHCHECK; give the program a health flag and use HEALTHCHECK CMD ["/path/app", "-health"]`);
    };
    if (buildsInPlace) {
        for (const b of dedupe(binaries))
            rest.push(`COPY --from=${buildName(finalStage)} ${b.builtAt} ${b.finalPath}`);
        // Files the program opens at run time and scripts its command runs came in with the sources: copy them from the build stage.
        for (const { path: at } of sourceFilesToKeep(model, files?.runtimeFiles ?? [], moduleName))
            rest.push(`COPY --from=${buildName(finalStage)} ${at} ${at}`);
        for (const stage of finalChain.slice().reverse()) {
            for (const ins of stage.instructions.slice(1)) {
                const text = textOf(model, ins);
                if (ins.keyword === 'ENV') {
                    const runtimeEnv = runtimeEnvOf(ins.raw);
                    if (runtimeEnv)
                        rest.push(runtimeEnv);
                }
                else if (CARRIED.has(ins.keyword))
                    rest.push(text);
                else if (ins.line > lastBuildLine && (ins.keyword === 'COPY' || ins.keyword === 'ADD'))
                    rest.push(text);
                else if (ins.line > lastBuildLine && ins.keyword === 'RUN')
                    rest.push(runLine(ins, text));
                else if (ins.keyword === 'HEALTHCHECK')
                    rest.push(healthLine(ins, text));
                else if (ins.keyword === 'USER')
                    rest.push(userLine(ins.raw.trim(), text));
            }
        }
        // The program ran in the build stage's working directory (the image's own, e.g. golang's /go, if the Dockerfile set none).
        if (finalStage.workdir !== '/')
            rest.push(`WORKDIR ${finalStage.workdir}`);
    }
    else {
        for (const stage of finalChain.slice().reverse()) {
            for (const ins of stage.instructions.slice(1)) {
                const text = textOf(model, ins);
                const copy = stage.copies.find((c) => c.line === ins.line);
                if (copy)
                    rest.push(copyText(model, stage, copy));
                else if (ins.keyword === 'RUN')
                    rest.push(runLine(ins, text));
                else if (ins.keyword === 'USER')
                    rest.push(userLine(ins.raw.trim(), text));
                else if (ins.keyword === 'HEALTHCHECK')
                    rest.push(healthLine(ins, text));
                else if (ins.keyword === 'CMD' || ins.keyword === 'ENTRYPOINT')
                    continue;
                else
                    rest.push(text);
            }
        }
    }
    // On a base with a shell the command stays as written (a shell form may expand variables); without one, exec form.
    const command = (ins) => (shell ? textOf(model, ins) : execForm(model, ins));
    if (finalStage.entrypoint)
        rest.push(command(finalStage.entrypoint));
    if (finalStage.cmd)
        rest.push(command(finalStage.cmd));
    const inherited = choice.facts.command;
    if (inherited.source === 'base' && !choice.keepsBase) {
        // The original ran its base image's default command, which the new base has not.
        const program = dedupe(binaries);
        const was = `the original ran ${finalChain[finalChain.length - 1].image}'s default command ${JSON.stringify(inherited.argv)}`;
        if (program.length === 1 && !shell) {
            notes.push(`${was}; ${base} has none, so CMD runs the program`);
            rest.push(`# ${was}; ${base} has none: run the program (docker run IMAGE <command> still overrides it)`, `CMD ["${program[0].finalPath}"]`);
        }
        else if (!shell) {
            notes.push(`${was}; ${base} has none: set ENTRYPOINT or CMD`);
            rest.push(`# ${was}; ${base} has none: set ENTRYPOINT or CMD`);
        }
    }
    out.push(...rest);
    const dockerfile = out.join('\n') + '\n';
    return { dockerfile, base, needs: choice.needs, notes };
}
/** An ENV without the toolchain's variables (GO*, CGO_*, PATH), which mean nothing in the final image. */
function runtimeEnvOf(raw) {
    const words = splitCommands(raw)[0] ?? [];
    const pairs = words.length >= 2 && !words[0].includes('=') ? [`${words[0]}=${words.slice(1).join(' ')}`] : words;
    const kept = pairs.filter((w) => !/^(CGO_[A-Z_]*|GO[A-Z0-9_]*|PATH)=/.test(w));
    return kept.length > 0
        ? `ENV ${kept
            .map((w) => {
            const eq = w.indexOf('=');
            return `${w.slice(0, eq)}=${shellQuote(w.slice(eq + 1))}`;
        })
            .join(' ')}`
        : null;
}
function dedupe(binaries) {
    const seen = new Set();
    return binaries.filter((b) => !seen.has(b.finalPath) && seen.add(b.finalPath));
}

;// CONCATENATED MODULE: ./src/advisor/rules/shaving.ts
function buildRunText(ctx, target) {
    const from = target.from;
    if (!from)
        return null;
    const ins = from.stage.instructions.find((i) => i.line === from.build.line);
    return ins
        ? ctx.model.text
            .split(/\r?\n/)
            .slice(ins.line - 1, ins.endLine)
            .join('\n')
        : null;
}

;// CONCATENATED MODULE: ./src/advisor/rules/strip-symbols.ts
// strip-symbols: the binary keeps its symbol table and DWARF (-s -w drop
// them). Savings: the measured strippable sections; from the Dockerfile
// alone (the `go build` line shows the flags), unknown. Always said (info);
// a tight budget makes it a warning.




const stripSymbols = {
    id: 'strip-symbols',
    needsMeasurement: false,
    check(ctx) {
        return shavingTargets(ctx)
            .filter((t) => !t.stripped)
            .map((t) => {
            const savings = t.symbolBytes;
            const amount = savings !== null ? `${formatSize(savings)} of its ${formatSize(t.bytes ?? 0)}` : 'its symbol table and debug information';
            const run = buildRunText(ctx, t);
            return finding(ctx, 'strip-symbols', shavingSeverity(ctx), t.line, `${t.path} keeps ${amount} in symbols and DWARF; \`-ldflags="-s -w"\` drops them (stack traces keep their function names).`, run ? rewriteGoBuild(run, { trimpath: false, keepCgo: true }) : SHAVED_BUILD, savings);
        });
    }
};

;// CONCATENATED MODULE: ./src/advisor/rules/trimpath.ts
// trimpath: the binary records the build's file system paths, so the same
// sources built in another directory give another binary (and another layer).
// Go 1.13 brought -trimpath; older toolchains are not told to use it.




const trimpath = {
    id: 'trimpath',
    needsMeasurement: false,
    check(ctx) {
        return shavingTargets(ctx)
            .filter((t) => !t.trimpath && goAtLeast(t.goVersion, '1.13'))
            .map((t) => {
            const run = buildRunText(ctx, t);
            return finding(ctx, 'trimpath', shavingSeverity(ctx), t.line, `${t.path} embeds the build's directory paths: builds in another directory differ byte for byte, and the paths leak into stack traces. Add \`-trimpath\`.`, run ? rewriteGoBuild(run, { keepCgo: true }) : SHAVED_BUILD, null);
        });
    }
};

;// CONCATENATED MODULE: ./src/advisor/rules/tzdata.ts
// tzdata: a scratch final stage whose program loads time zones by name and
// neither embeds them (time/tzdata) nor gets /usr/share/zoneinfo.




const tzdata = {
    id: 'tzdata',
    needsMeasurement: false,
    check(ctx) {
        const { model } = ctx;
        const base = rootImage(model, model.final);
        if (classifyBase(base).kind !== 'scratch')
            return [];
        const needs = programNeeds(ctx);
        if (!needs.timeZones)
            return [];
        const chain = stageChain(model, model.final);
        const provided = chain.some((s) => s.copies.some((c) => [...c.sources, c.dest].some((p) => /zoneinfo|tzdata/.test(p))) || 'ZONEINFO' in s.env);
        if (provided)
            return [];
        return [
            finding(ctx, 'tzdata', 'warning', model.final.line, `The program loads time zones by name (time.LoadLocation, read from ${needs.source}) but \`scratch\` has no zone data: every zone but UTC fails with "unknown time zone". Embed it or copy it.`, 'import _ "time/tzdata"  // in main.go, +450 kB\n# or: COPY --from=build /usr/share/zoneinfo /usr/share/zoneinfo')
        ];
    }
};

;// CONCATENATED MODULE: ./src/advisor/rules/wasted-layers.ts
// wasted-layers: bytes a later layer deletes or overwrites still ship in the
// earlier one. Names the biggest files and the instruction that wrote them.


const wastedLayers = {
    id: 'wasted-layers',
    needsMeasurement: true,
    check(ctx) {
        const { measured } = ctx;
        if (!measured?.wasted)
            return [];
        const layerAt = new Map(measured.layers.map((l) => [l.index, l]));
        // Waste entirely inside the base image is not the Dockerfile's doing.
        const ours = measured.wasted.files.filter((f) => f.layers.some((i) => layerAt.get(i) && !layerAt.get(i).fromBaseImage));
        const bytes = ours.reduce((sum, f) => sum + f.bytes, 0);
        if (bytes < WASTED_FLOOR)
            return [];
        const top = [...ours].sort((a, b) => b.bytes - a.bytes);
        const writer = layerAt.get(top[0].layers[0]);
        const line = top[0].layers.map((i) => layerAt.get(i)).find((l) => l && !l.fromBaseImage && l.dockerfileLine !== null)?.dockerfileLine ?? null;
        const names = top.slice(0, 3).map((f) => {
            const by = f.layers.map((i) => layerAt.get(i)?.instruction).filter(Boolean);
            return `${f.path} (${formatSize(f.bytes)}, written by \`${by[0] ?? '?'}\`, replaced by \`${by[by.length - 1] ?? '?'}\`)`;
        });
        const more = top.length > 3 ? ` and ${top.length - 3} more` : '';
        return [
            finding(ctx, 'wasted-layers', 'warning', line ?? writer?.dockerfileLine ?? null, `${formatSize(bytes)} ship in layers but are deleted or overwritten later: ${names.join('; ')}${more}. Create and remove them in the same RUN, or in a build stage.`, 'RUN download && build && rm -rf /tmp/work   # one RUN: the deleted files never reach a layer', bytes)
        ];
    }
};

;// CONCATENATED MODULE: ./src/advisor/rules/index.ts











const RULES = [multiStage, minimalBase, cgoDisabled, caCertificates, tzdata, nonRoot, stripSymbols, trimpath, wastedLayers, dockerignore, layerOrder];

;// CONCATENATED MODULE: ./src/advisor/advise.ts

const advise_RANK = { error: 0, warning: 1, info: 2 };
function advise(ctx, rules = RULES) {
    const findings = [];
    const skipped = [];
    for (const rule of rules) {
        if (rule.needsMeasurement && !ctx.measured) {
            skipped.push({ rule: rule.id, reason: 'needs a built image (dockerfile-only mode)' });
            continue;
        }
        findings.push(...rule.check(ctx));
    }
    findings.sort((a, b) => advise_RANK[a.severity] - advise_RANK[b.severity] || (a.line ?? 0) - (b.line ?? 0));
    return { findings, skipped };
}
/** Rules whose findings are about size: one of them is what makes a suggestion worth building. */
const SIZE_RULES = new Set(['multi-stage', 'minimal-base', 'strip-symbols', 'trimpath', 'wasted-layers']);

;// CONCATENATED MODULE: ./src/advisor/dockerignore-match.ts
// .dockerignore as BuildKit reads it (moby/patternmatcher): one pattern a
// line, `#` comments, `!` re-includes, `*` and `?` within a path element, `**`
// across elements, and a pattern that matches a directory excludes
// everything under it. The last pattern that matches decides. Pure.
function clean(p) {
    const parts = [];
    for (const part of p.split('/')) {
        if (part === '' || part === '.')
            continue;
        if (part === '..')
            parts.pop();
        else
            parts.push(part);
    }
    return parts.join('/');
}
function toRegex(pattern) {
    let re = '';
    for (let i = 0; i < pattern.length; i++) {
        const c = pattern[i];
        if (c === '*') {
            if (pattern[i + 1] === '*') {
                i++;
                // `**/` matches zero or more directories; a trailing `**` everything below.
                if (pattern[i + 1] === '/') {
                    i++;
                    re += '(?:.*/)?';
                }
                else
                    re += '.*';
            }
            else
                re += '[^/]*';
        }
        else if (c === '?')
            re += '[^/]';
        else if (c === '[') {
            const end = pattern.indexOf(']', i + 1);
            if (end < 0)
                re += '\\[';
            else {
                re += `[${pattern
                    .slice(i + 1, end)
                    .replace(/^!/, '^')
                    .replace(/\\/g, '\\\\')}]`;
                i = end;
            }
        }
        else if (c === '\\' && i + 1 < pattern.length)
            re += pattern[++i].replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
        else
            re += c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    }
    return new RegExp(`^${re}$`);
}
function parseDockerignore(text) {
    const patterns = [];
    for (const raw of text.split(/\r?\n/)) {
        let line = raw.trim();
        if (line === '' || line.startsWith('#'))
            continue;
        const exclusion = line.startsWith('!');
        if (exclusion)
            line = line.slice(1).trim();
        const cleaned = clean(line);
        if (cleaned === '')
            continue;
        patterns.push({ regex: toRegex(cleaned), exclusion });
    }
    return patterns;
}
/** Whether `relPath` (relative to the context, `/`-separated) is left out of the build context. */
function isIgnored(patterns, relPath) {
    const path = clean(relPath);
    const parents = [];
    const parts = path.split('/');
    for (let i = 1; i < parts.length; i++)
        parents.push(parts.slice(0, i).join('/'));
    let ignored = false;
    for (const p of patterns) {
        if (p.regex.test(path) || parents.some((d) => p.regex.test(d)))
            ignored = !p.exclusion;
    }
    return ignored;
}

;// CONCATENATED MODULE: ./src/advisor/context-files.ts
// Facts about the build context the rules need, read from disk without
// Docker: .dockerignore, go.mod (and whether vendor/ holds the modules), what
// a broad COPY would send that no image needs (.git, build output, testdata/,
// large files), what the Go sources import (the module's own packages and
// vendor/), and which files the program opens at run time. Bounded walks, so
// it stays fast on big repositories.



// Top-level entries that belong to the checkout or a local build, never an image.
const UNWANTED_DIRS = new Set(['.git', 'node_modules', 'bin', 'dist', 'coverage', '.idea', '.vscode', '.terraform', 'tmp']);
const UNWANTED_FILE = /\.(test|out|exe|prof|log|tar|tgz|zip)$/;
// Not walked for sources: checkout, dependencies of other languages, test data, build output.
const SKIP_DIRS = new Set(['.git', 'node_modules', 'testdata', 'dist', 'bin']);
/** A file this large that no Go build reads is worth naming when a broad COPY ships it. */
const LARGE_FILE = 1_000_000;
const MAX_GO_FILES = 20000;
const MAX_GO_BYTES = 64 * 1024 * 1024;
// Sizing stops here (a lower bound then), so a huge node_modules cannot make the check slow.
const MAX_SIZE_ENTRIES = 20000;
const BUILD_FILES = new Set(['go.mod', 'go.sum', 'go.work', 'go.work.sum', 'Makefile', 'Dockerfile', '.dockerignore']);
/** Total bytes under a path, stopping after a bounded number of entries (then a lower bound). */
function diskBytes(start, budget = { left: MAX_SIZE_ENTRIES }) {
    let total = 0;
    const stack = [start];
    while (stack.length > 0 && budget.left-- > 0) {
        const p = stack.pop();
        let st;
        try {
            st = (0,external_node_fs_namespaceObject.lstatSync)(p);
        }
        catch {
            continue;
        }
        if (st.isDirectory()) {
            try {
                for (const e of (0,external_node_fs_namespaceObject.readdirSync)(p))
                    stack.push(external_node_path_default().join(p, e));
            }
            catch {
                /* unreadable: skip */
            }
        }
        else
            total += st.size;
    }
    return { bytes: total, complete: stack.length === 0 };
}
function isElfExecutable(file, st) {
    if (!st.isFile() || (st.mode & 0o111) === 0 || st.size < 4)
        return false;
    const fd = (0,external_node_fs_namespaceObject.openSync)(file, 'r');
    try {
        const head = Buffer.alloc(4);
        (0,external_node_fs_namespaceObject.readSync)(fd, head, 0, 4, 0);
        return head.toString('latin1') === '\x7fELF';
    }
    finally {
        (0,external_node_fs_namespaceObject.closeSync)(fd);
    }
}
function parseGoMod(text) {
    const module = /^\s*module\s+("?)([^\s"]+)\1/m.exec(text)?.[2] ?? null;
    const goVersion = /^\s*go\s+(\d+\.\d+(\.\d+)?)\s*$/m.exec(text)?.[1] ?? null;
    let requires = 0;
    let inBlock = false;
    for (const raw of text.split('\n')) {
        const line = raw.replace(/\/\/.*$/, '').trim();
        if (inBlock) {
            if (line === ')')
                inBlock = false;
            else if (line !== '')
                requires++;
        }
        else if (/^require\s*\($/.test(line))
            inBlock = true;
        else if (/^require\s+\S+/.test(line))
            requires++;
    }
    return { module, requires, goVersion };
}
/** Import paths of one Go source file (single and grouped imports). */
function goImports(source) {
    const imports = [];
    const code = source.replace(/\/\*[\s\S]*?\*\//g, '');
    for (const m of code.matchAll(/^\s*import\s+(?:[\w.]+\s+)?"([^"]+)"/gm))
        imports.push(m[1]);
    for (const block of code.matchAll(/^\s*import\s*\(([\s\S]*?)\)/gm)) {
        // Every string literal in the group is an import path (`import ("a"; b "c")` too).
        for (const m of block[1].replace(/\/\/.*$/gm, '').matchAll(/"([^"]+)"/g))
            imports.push(m[1]);
    }
    return imports;
}
/**
 * Top-level context entries a program names in a string literal (`"templates/index.html"`,
 * `http.Dir("./static")`): files it opens at run time, unless `//go:embed` builds them in.
 */
function runtimeFileNames(source, topLevel) {
    const opened = new Set();
    const embedded = new Set();
    for (const m of source.matchAll(/^\s*\/\/go:embed\s+(.+)$/gm)) {
        for (const p of m[1].split(/\s+/))
            embedded.add(p
                .replace(/^["`]|["`]$/g, '')
                .replace(/^\.\//, '')
                .split('/')[0]);
    }
    const code = source
        .replace(/^\s*import\s*\([\s\S]*?\)/gm, '')
        .replace(/^\s*import\s+.*$/gm, '')
        .replace(/\/\/.*$/gm, '');
    for (const m of code.matchAll(/"((?:\.\/)?[A-Za-z0-9_.-]+)(?:\/[^"]*)?"/g)) {
        const name = m[1].replace(/^\.\//, '');
        if (topLevel.has(name))
            opened.add(name);
    }
    return { opened: [...opened].filter((n) => !embedded.has(n)), embedded: [...embedded] };
}
/** `dockerfile`: BuildKit also reads `<Dockerfile>.dockerignore` beside it, in place of the context's. */
function readContextFiles(contextDir, dockerfile = null) {
    const ignoreFile = dockerfile !== null && (0,external_node_fs_namespaceObject.existsSync)(`${dockerfile}.dockerignore`) ? `${dockerfile}.dockerignore` : external_node_path_default().join(contextDir, '.dockerignore');
    const hasDockerignore = (0,external_node_fs_namespaceObject.existsSync)(ignoreFile);
    const patterns = hasDockerignore ? parseDockerignore((0,external_node_fs_namespaceObject.readFileSync)(ignoreFile, 'utf8')) : [];
    const shipped = (rel) => !isIgnored(patterns, rel);
    const entries = (0,external_node_fs_namespaceObject.readdirSync)(contextDir);
    const unwanted = [];
    const budget = { left: MAX_SIZE_ENTRIES };
    const addDir = (rel, full) => {
        const size = diskBytes(full, budget);
        unwanted.push({ path: `${rel}/`, bytes: size.bytes, ...(size.complete ? {} : { atLeast: true }) });
    };
    for (const name of entries) {
        const full = external_node_path_default().join(contextDir, name);
        const st = (0,external_node_fs_namespaceObject.lstatSync)(full);
        if (!shipped(name))
            continue;
        if (st.isDirectory() && UNWANTED_DIRS.has(name))
            addDir(name, full);
        else if (st.isFile() && (UNWANTED_FILE.test(name) || isElfExecutable(full, st)))
            unwanted.push({ path: name, bytes: st.size });
    }
    const goModPath = external_node_path_default().join(contextDir, 'go.mod');
    const goMod = (0,external_node_fs_namespaceObject.existsSync)(goModPath) ? parseGoMod((0,external_node_fs_namespaceObject.readFileSync)(goModPath, 'utf8')) : null;
    const vendored = (0,external_node_fs_namespaceObject.existsSync)(external_node_path_default().join(contextDir, 'vendor', 'modules.txt'));
    const topLevel = new Set(entries.filter((n) => !n.endsWith('.go') && !BUILD_FILES.has(n) && !n.startsWith('.') && n !== 'vendor' && !n.startsWith('Dockerfile')));
    const imports = new Set();
    const opened = new Set();
    let loadsTimeZones = false;
    let goFiles = 0;
    let goBytes = 0;
    let vendorFiles = 0;
    const stack = [contextDir];
    while (stack.length > 0 && goFiles < MAX_GO_FILES && goBytes < MAX_GO_BYTES) {
        const dir = stack.pop();
        let names;
        try {
            names = (0,external_node_fs_namespaceObject.readdirSync)(dir);
        }
        catch {
            continue;
        }
        const rel = external_node_path_default().relative(contextDir, dir).split((external_node_path_default()).sep).join('/');
        const inVendor = rel === 'vendor' || rel.startsWith('vendor/');
        for (const name of names) {
            const full = external_node_path_default().join(dir, name);
            const relName = rel ? `${rel}/${name}` : name;
            let st;
            try {
                st = (0,external_node_fs_namespaceObject.lstatSync)(full);
            }
            catch {
                continue;
            }
            if (st.isFile() && name.endsWith('.go') && !name.endsWith('_test.go')) {
                goFiles++;
                if (inVendor)
                    vendorFiles++;
                goBytes += st.size;
                const source = (0,external_node_fs_namespaceObject.readFileSync)(full, 'utf8');
                for (const i of goImports(source))
                    imports.add(i);
                if (/\btime\.LoadLocation\s*\(/.test(source))
                    loadsTimeZones = true;
                if (!inVendor)
                    for (const n of runtimeFileNames(source, topLevel).opened)
                        opened.add(n);
            }
            else if (st.isDirectory()) {
                if (name === 'testdata' && shipped(relName))
                    addDir(relName, full);
                if (!SKIP_DIRS.has(name) && !name.startsWith('.') && !UNWANTED_DIRS.has(relName))
                    stack.push(full);
            }
            else if (st.isFile() && st.size >= LARGE_FILE && !inVendor && !BUILD_FILES.has(name) && shipped(relName) && !unwanted.some((u) => u.path === relName)) {
                unwanted.push({ path: relName, bytes: st.size });
            }
        }
    }
    return {
        hasDockerignore,
        goMod,
        unwanted: unwanted.sort((a, b) => a.path.localeCompare(b.path)),
        imports: [...imports].sort(),
        loadsTimeZones,
        vendored,
        runtimeFiles: [...opened].sort(),
        scan: { goFiles, vendorFiles, complete: stack.length === 0 }
    };
}

;// CONCATENATED MODULE: ./src/advisor/proof/image-files.ts


const TEXT_FILE = /^\/etc\/(passwd|group|ld\.so\.conf|ld\.so\.conf\.d\/[^/]+\.conf|ld-musl-[^/]+\.path)$/;
const TEXT_LIMIT = 1024 * 1024;
const HEAD_BYTES = 256;
/** Larger ELF files are recorded without their linking facts (never for a program anyone ships). */
const MAX_ELF_BYTES = 512 * 1024 * 1024;
/** `./usr/bin/` → `/usr/bin`. */
function normalise(p) {
    const parts = [];
    for (const part of p.split('/')) {
        if (part === '' || part === '.')
            continue;
        if (part === '..')
            parts.pop();
        else
            parts.push(part);
    }
    return `/${parts.join('/')}`;
}
function entrySink(h, files) {
    const path = normalise(h.path);
    if (h.type === 'link') {
        // A hard link is the same file as its target, which came earlier in the archive.
        const target = files.entries.get(normalise(h.linkname));
        files.entries.set(path, target ? { ...target } : { type: 'file', mode: h.mode, size: 0 });
        return null;
    }
    const type = h.type === 'directory' ? 'dir' : h.type;
    const entry = { type, mode: h.mode, size: h.size, ...(h.type === 'symlink' ? { target: h.linkname } : {}) };
    files.entries.set(path, entry);
    if (h.type !== 'file' || h.size === 0)
        return null;
    const text = TEXT_FILE.test(path) && h.size <= TEXT_LIMIT;
    const executable = (h.mode & 0o111) !== 0;
    const parts = [];
    let bytes = 0;
    let kind = text ? 'text' : null;
    return {
        data(chunk) {
            if (kind === 'skip')
                return;
            parts.push(Buffer.from(chunk));
            bytes += chunk.length;
            if (kind === null && bytes >= Math.min(4, h.size)) {
                const first = Buffer.concat(parts);
                kind = isElf(first) && h.size <= MAX_ELF_BYTES ? 'elf' : executable ? 'head' : 'skip';
                if (kind === 'skip')
                    parts.length = 0;
            }
            if (kind === 'head' && bytes >= HEAD_BYTES) {
                entry.head = Buffer.concat(parts).toString('latin1', 0, HEAD_BYTES);
                kind = 'skip';
                parts.length = 0;
            }
        },
        end() {
            const body = Buffer.concat(parts);
            if (kind === 'text')
                files.texts.set(path, body.toString('utf8'));
            else if (kind === 'head')
                entry.head = body.toString('latin1', 0, HEAD_BYTES);
            else if (kind === 'elf') {
                entry.elf = readElfLinking(body) ?? undefined;
                const go = executable ? readGoBinary(body) : null;
                if (go)
                    entry.go = go;
            }
        }
    };
}
/** Reads an image's exported file system (a tar stream). */
async function collectImageFiles(stream) {
    const files = { entries: new Map([['/', { type: 'dir', mode: 0o755, size: 0 }]]), texts: new Map() };
    const reader = new TarReader((h) => entrySink(h, files));
    for await (const chunk of stream)
        await reader.write(chunk);
    reader.end();
    return files;
}
/** The files of `imageId`, from its exported file system (a container created, never started, and removed). */
function readImageFiles(imageId, docker) {
    return docker.exportFileSystem(imageId, collectImageFiles);
}

;// CONCATENATED MODULE: ./src/advisor/proof/start.ts
// Starting the suggested image, offline: `docker run --network none` on a
// read-only root file system (a tmpfs on /tmp). A process that exits 0, or is
// still running after a couple of seconds (and then passes the image's own
// HEALTHCHECK, run inside it), starts; an exec failure, a missing file or a
// crash does not. A non-zero exit counts as starting only when the original
// image exits the same way under the same conditions (a program that needs
// arguments or configuration). The judgement is a pure function of what
// `docker` said, so it is tested without Docker.

const tail = (text, n = 3) => text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .slice(-n)
    .join(' | ')
    .slice(0, 400);
/** What the observation of the suggestion (and, for a non-zero exit, of the original) says. */
function judgeStart(suggested, original) {
    if (suggested.startError !== null)
        return { ok: false, detail: `it does not start: ${tail(suggested.startError, 2)}` };
    if (suggested.exitCode === null) {
        if (!suggested.health)
            return { ok: true, detail: 'still running after the wait' };
        return suggested.health.exitCode === 0
            ? { ok: true, detail: 'still running, and its HEALTHCHECK passes' }
            : { ok: false, detail: `it runs but its HEALTHCHECK fails (exit ${suggested.health.exitCode}): ${tail(suggested.health.output) || 'no output'}` };
    }
    if (suggested.exitCode === 0)
        return { ok: true, detail: 'exited 0' };
    const crash = suggested.exitCode >= 128 || /^(panic:|fatal error:|SIGSEGV|runtime: )/m.test(suggested.output);
    if (!crash && original && original.startError === null && original.exitCode === suggested.exitCode && lastLine(original.output) === lastLine(suggested.output)) {
        return { ok: true, detail: `exited ${suggested.exitCode}, as the original image does (${tail(suggested.output, 1) || 'no output'})` };
    }
    return { ok: false, detail: `it exited ${suggested.exitCode}${crash ? ' (crashed)' : ''}: ${tail(suggested.output) || 'no output'}` };
}
/** Digits (times, ids) aside, the last line a program printed. */
const lastLine = (text) => tail(text, 1).replace(/\d+/g, '#');
/** Runs the image detached, waits, runs its HEALTHCHECK if still up, and removes the container. */
async function observeStart(image, docker, options = {}) {
    const name = `go-image-budget-start-${(0,external_node_crypto_namespaceObject.randomBytes)(4).toString('hex')}`;
    const startError = await docker.startDetached(image, name, { readOnly: options.readOnly !== false });
    try {
        if (startError !== null)
            return { startError, exitCode: null, output: '', health: null };
        const exitCode = await docker.waitExit(name, options.waitMs ?? 2000);
        const logs = async () => {
            const l = await docker.logs(name);
            return `${l.stdout}${l.stderr ? `\n${l.stderr}` : ''}`.trim().slice(-4000);
        };
        if (exitCode !== null)
            return { startError: null, exitCode, output: await logs(), health: null };
        const test = options.healthcheck?.test ?? [];
        let health = null;
        if (test[0] === 'CMD' || test[0] === 'CMD-SHELL') {
            const argv = test[0] === 'CMD' ? test.slice(1) : ['/bin/sh', '-c', test.slice(1).join(' ')];
            const deadline = Date.now() + (options.healthMs ?? 5000);
            for (;;) {
                const r = await docker.execIn(name, argv);
                health = { exitCode: r.exitCode, output: `${r.stdout}\n${r.stderr}`.trim().slice(-2000) };
                if (r.exitCode === 0 || Date.now() > deadline)
                    break;
                await new Promise((resolve) => setTimeout(resolve, 500));
            }
        }
        return { startError: null, exitCode: null, output: await logs(), health };
    }
    finally {
        await docker.removeContainer(name);
    }
}
/**
 * The start check: the suggestion read-only; when it exits non-zero, again
 * with a writable root file system, and then the original the same way: the
 * same exit and last line as the original is the original's behaviour, not a
 * broken image.
 */
async function startCheck(suggested, original, docker, options = {}) {
    const result = (verdict, o, readOnly) => ({
        ...verdict,
        exitCode: o.exitCode,
        running: o.startError === null && o.exitCode === null,
        readOnly,
        output: o.output
    });
    const readOnly = await observeStart(suggested, docker, options);
    const first = judgeStart(readOnly, null);
    if (first.ok || readOnly.startError !== null || readOnly.exitCode === null)
        return result(first, readOnly, true);
    const writable = await observeStart(suggested, docker, { ...options, readOnly: false });
    const second = judgeStart(writable, null);
    if (second.ok)
        return result({ ok: true, detail: `${second.detail} with a writable root file system (read-only it exited ${readOnly.exitCode})` }, writable, false);
    if (!original)
        return result(first, readOnly, true);
    return result(judgeStart(writable, await observeStart(original, docker, { ...options, readOnly: false, healthcheck: null })), writable, false);
}

;// CONCATENATED MODULE: ./src/advisor/proof/paths.ts

const MAX_HOPS = 40;
const paths_DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
/** Follows `p` (absolute) through the image's symlinks to the entry it names. */
function paths_resolvePath(files, p) {
    let pending = normalise(p).split('/').filter(Boolean);
    let current = '';
    for (let hops = 0; pending.length > 0;) {
        const name = pending.shift();
        const next = `${current}/${name}`;
        const entry = files.entries.get(next);
        if (!entry)
            return { ok: false, reason: `${normalise(p)}: no such file or directory` };
        if (entry.type === 'symlink') {
            if (++hops > MAX_HOPS)
                return { ok: false, reason: `${normalise(p)}: too many levels of symbolic links` };
            const target = entry.target ?? '';
            const absolute = target.startsWith('/') ? target : `${current}/${target}`;
            pending = [...normalise(absolute).split('/').filter(Boolean), ...pending];
            current = '';
            continue;
        }
        if (pending.length > 0 && entry.type !== 'dir')
            return { ok: false, reason: `${normalise(p)}: not a directory (${next} is a file)` };
        current = next;
    }
    const entry = files.entries.get(current || '/');
    return entry ? { ok: true, path: current || '/', entry } : { ok: false, reason: `${normalise(p)}: no such file or directory` };
}
/** Whether anything lies under a directory (a non-empty zoneinfo or certificate directory). */
function hasFilesUnder(files, dir) {
    const resolved = paths_resolvePath(files, dir);
    if (!resolved.ok || resolved.entry.type !== 'dir')
        return false;
    const prefix = resolved.path === '/' ? '/' : `${resolved.path}/`;
    for (const [p, e] of files.entries)
        if (p.startsWith(prefix) && e.type !== 'dir')
            return true;
    return false;
}
const isExecutableFile = (entry) => entry.type === 'file' && (entry.mode & 0o111) !== 0;
/**
 * Where the kernel (via runc) finds a command: a name with a slash is a path
 * (relative to the working directory), a bare name is looked up on PATH.
 */
function findCommand(files, command, workingDir, pathEnv) {
    if (command.includes('/')) {
        const p = command.startsWith('/') ? command : `${workingDir || '/'}/${command}`;
        return paths_resolvePath(files, p);
    }
    const searched = pathEnv.split(':').filter(Boolean);
    for (const dir of searched) {
        const found = paths_resolvePath(files, `${dir}/${command}`);
        if (found.ok && isExecutableFile(found.entry))
            return found;
    }
    return { ok: false, reason: `"${command}": executable file not found in $PATH (${searched.join(':')})`, searched };
}
/** The value of NAME in a config's `NAME=value` list. */
function envValue(env, name) {
    const hit = [...env].reverse().find((e) => e.startsWith(`${name}=`));
    return hit === undefined ? null : hit.slice(name.length + 1);
}

;// CONCATENATED MODULE: ./src/advisor/proof/startup.ts

// Go's crypto/x509 (root_linux.go) and time (zoneinfo_unix.go) search these.
const CERT_FILES = [
    '/etc/ssl/certs/ca-certificates.crt',
    '/etc/pki/tls/certs/ca-bundle.crt',
    '/etc/ssl/ca-bundle.pem',
    '/etc/pki/tls/cacert.pem',
    '/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem',
    '/etc/ssl/cert.pem'
];
const CERT_DIRS = ['/etc/ssl/certs', '/etc/pki/tls/certs'];
const ZONE_DIRS = ['/usr/share/zoneinfo', '/usr/share/lib/zoneinfo', '/usr/lib/locale/TZ', '/etc/zoneinfo'];
const TRIPLETS = {
    62: 'x86_64-linux-gnu',
    183: 'aarch64-linux-gnu',
    40: 'arm-linux-gnueabihf',
    3: 'i386-linux-gnu',
    243: 'riscv64-linux-gnu',
    21: 'powerpc64le-linux-gnu',
    22: 's390x-linux-gnu'
};
/** The command docker runs: ENTRYPOINT followed by CMD, or CMD alone. */
const commandOf = (config) => [...(config.entrypoint ?? []), ...(config.cmd ?? [])];
/** Where the dynamic loader looks: run path ($ORIGIN), LD_LIBRARY_PATH, the loader's configuration, the defaults. */
function librarySearchPath(files, owner, elf, interp, env) {
    const origin = owner.slice(0, owner.lastIndexOf('/')) || '/';
    const dirs = elf.runpath.map((d) => d.replace(/\$\{?ORIGIN\}?/g, origin));
    dirs.push(...(envValue(env, 'LD_LIBRARY_PATH') ?? '').split(':').filter(Boolean));
    if (interp && /ld-musl/.test(interp)) {
        const configured = [...files.texts].find(([p]) => /^\/etc\/ld-musl-.*\.path$/.test(p))?.[1];
        dirs.push(...(configured
            ? configured
                .split(/[:\n]/)
                .map((d) => d.trim())
                .filter(Boolean)
            : ['/lib', '/usr/local/lib', '/usr/lib']));
        return dirs;
    }
    for (const [p, text] of files.texts) {
        if (p === '/etc/ld.so.conf' || p.startsWith('/etc/ld.so.conf.d/')) {
            dirs.push(...text
                .split('\n')
                .map((l) => l.replace(/#.*/, '').trim())
                .filter((l) => l.startsWith('/')));
        }
    }
    const triplet = TRIPLETS[elf.machine];
    const lib = elf.is64 ? ['/lib64', '/usr/lib64'] : ['/lib32', '/usr/lib32'];
    dirs.push(...(triplet ? [`/lib/${triplet}`, `/usr/lib/${triplet}`] : []), ...lib, '/lib', '/usr/lib');
    return dirs;
}
/** Checks the loader and the libraries of the ELF at `path`, following DT_NEEDED through every library found. */
function checkElf(files, path, entry, env) {
    const elf = entry.elf;
    if (!elf)
        return [];
    const checks = [];
    const interp = elf.interp;
    if (interp) {
        const loader = paths_resolvePath(files, interp);
        checks.push(loader.ok && loader.entry.type === 'file'
            ? { check: 'loader', ok: true, detail: `${path} is dynamically linked; its loader ${interp} is present`, required: true }
            : { check: 'loader', ok: false, detail: `${path} is dynamically linked and needs ${interp}, which the image lacks (exec fails with "no such file or directory")`, required: true });
    }
    const missing = [];
    const found = [];
    const seen = new Set();
    const queue = [{ owner: path, elf }];
    while (queue.length > 0) {
        const { owner, elf: current } = queue.shift();
        for (const lib of current.needed) {
            if (seen.has(lib))
                continue;
            seen.add(lib);
            const hit = librarySearchPath(files, owner, current, interp, env)
                .map((dir) => paths_resolvePath(files, `${dir}/${lib}`))
                .find((r) => r.ok && r.entry.type === 'file');
            if (!hit || !hit.ok) {
                missing.push(lib);
                continue;
            }
            found.push(lib);
            if (hit.entry.elf)
                queue.push({ owner: hit.path, elf: hit.entry.elf });
        }
    }
    if (missing.length > 0)
        checks.push({ check: 'libraries', ok: false, detail: `${path} needs ${missing.join(', ')}, not found in the image's library paths`, required: true });
    else if (found.length > 0)
        checks.push({
            check: 'libraries',
            ok: true,
            detail: `${found.length} shared ${found.length === 1 ? 'library' : 'libraries'} found (${found.slice(0, 4).join(', ')}${found.length > 4 ? ', …' : ''})`,
            required: true
        });
    return checks;
}
/** The executable behind the command, and what it needs to start (a script's interpreter, recursively). */
function checkExecutable(files, command, config, depth = 0) {
    const pathEnv = envValue(config.env, 'PATH') ?? paths_DEFAULT_PATH;
    const found = findCommand(files, command, config.workingDir, pathEnv);
    const label = depth === 0 ? 'command' : 'interpreter';
    if (!found.ok)
        return { checks: [{ check: label, ok: false, detail: depth === 0 ? `the command ${found.reason}` : `the script's interpreter ${found.reason}`, required: true }], program: null };
    if (!isExecutableFile(found.entry)) {
        const what = found.entry.type === 'dir' ? 'a directory' : 'not executable';
        return { checks: [{ check: label, ok: false, detail: `${found.path} is ${what}`, required: true }], program: null };
    }
    const checks = [{ check: label, ok: true, detail: `${command} resolves to ${found.path}`, required: true }];
    if (found.entry.elf)
        return { checks: [...checks, ...checkElf(files, found.path, found.entry, config.env)], program: found };
    const head = found.entry.head ?? '';
    if (!head.startsWith('#!')) {
        return { checks: [...checks, { check: 'interpreter', ok: false, detail: `${found.path} is neither an ELF executable nor a script with #! (exec format error)`, required: true }], program: found };
    }
    if (depth >= 3)
        return { checks, program: found };
    const words = head.slice(2).split('\n')[0].trim().split(/\s+/);
    // `#!/usr/bin/env sh` looks the interpreter up on PATH.
    const interpreter = /(^|\/)env$/.test(words[0] ?? '') && words[1] ? words[1] : (words[0] ?? '');
    const inner = checkExecutable(files, interpreter || '(none)', config, depth + 1);
    return { checks: [...checks, ...inner.checks], program: inner.program ?? found };
}
function checkUser(files, user) {
    if (user.trim() === '')
        return null;
    const [name, group] = user.split(':');
    const numeric = (s) => /^\d+$/.test(s);
    const names = (file) => new Set((files.texts.get(file) ?? '')
        .split('\n')
        .map((l) => l.split(':')[0])
        .filter(Boolean));
    const problems = [];
    if (!numeric(name) && !names('/etc/passwd').has(name))
        problems.push(`user ${name} is not in ${files.texts.has('/etc/passwd') ? '/etc/passwd' : 'the image (no /etc/passwd)'}`);
    if (group !== undefined && group !== '' && !numeric(group) && !names('/etc/group').has(group))
        problems.push(`group ${group} is not in ${files.texts.has('/etc/group') ? '/etc/group' : 'the image (no /etc/group)'}`);
    return problems.length > 0
        ? { check: 'user', ok: false, detail: `USER ${user}: ${problems.join('; ')}`, required: true }
        : { check: 'user', ok: true, detail: `USER ${user} ${numeric(name) ? 'is numeric' : 'exists'}`, required: true };
}
/** Run-time needs of the Go programs the image starts or ships. */
function checkGoNeeds(files, programs, config) {
    const checks = [];
    const go = programs.filter((p) => p.entry.go?.needs);
    const needing = (pick) => go.filter((p) => pick(p.entry.go.needs)).map((p) => p.path);
    const roots = needing((n) => n.systemRoots && !n.embedsRoots);
    if (roots.length > 0) {
        const custom = [envValue(config.env, 'SSL_CERT_FILE')].filter((f) => !!f);
        const file = [...custom, ...CERT_FILES].find((f) => {
            const r = paths_resolvePath(files, f);
            return r.ok && r.entry.type === 'file' && r.entry.size > 0;
        });
        const dirs = [...(envValue(config.env, 'SSL_CERT_DIR') ?? '').split(':').filter(Boolean), ...CERT_DIRS];
        const dir = file ? undefined : dirs.find((d) => hasFilesUnder(files, d));
        checks.push(file || dir
            ? { check: 'ca-certificates', ok: true, detail: `${roots.join(', ')} loads the system's CA roots: ${file ?? `${dir}/`} is there`, required: true }
            : {
                check: 'ca-certificates',
                ok: false,
                detail: `${roots.join(', ')} loads the system's CA roots but the image has no CA bundle (TLS fails with "certificate signed by unknown authority")`,
                required: true
            });
    }
    const zones = needing((n) => n.loadsZones && !n.embedsTzdata);
    if (zones.length > 0) {
        const custom = envValue(config.env, 'ZONEINFO');
        const source = custom && paths_resolvePath(files, custom).ok ? custom : ZONE_DIRS.find((d) => hasFilesUnder(files, d));
        checks.push(source
            ? { check: 'zoneinfo', ok: true, detail: `${zones.join(', ')} loads time zones by name: ${source} is there`, required: true }
            : {
                check: 'zoneinfo',
                ok: false,
                detail: `${zones.join(', ')} loads time zones by name but the image has no zone data (every zone but UTC fails) and it does not embed time/tzdata`,
                required: true
            });
    }
    const users = needing((n) => n.usersLookup && !n.cgo);
    if (users.length > 0) {
        const passwd = files.texts.get('/etc/passwd');
        checks.push({
            check: 'users',
            ok: passwd !== undefined,
            required: false,
            detail: passwd !== undefined
                ? `${users.join(', ')} looks up users: /etc/passwd is there`
                : `${users.join(', ')} looks up users (os/user) and the image has no /etc/passwd: lookups fail unless $USER is set`
        });
    }
    return checks;
}
function checkExpectedPaths(files, expected) {
    if (expected.length === 0)
        return null;
    const problems = [];
    for (const e of expected) {
        const r = paths_resolvePath(files, e.path);
        const at = e.line !== null ? ` (line ${e.line})` : '';
        if (!r.ok)
            problems.push(`${r.reason}${at}`);
        else if (e.directory && r.entry.type !== 'dir')
            problems.push(`${e.path} is a file where the original has a directory${at}`);
    }
    return problems.length > 0
        ? { check: 'paths', ok: false, detail: `what the original copied is missing: ${problems.join('; ')}`, required: true }
        : { check: 'paths', ok: true, detail: `all ${expected.length} ${expected.length === 1 ? 'path' : 'paths'} the original's final stage received are there`, required: true };
}
function checkStartup({ files, config, expectedPaths }) {
    const command = commandOf(config);
    const checks = [];
    let programs = [];
    if (command.length === 0) {
        checks.push({ check: 'command', ok: false, detail: 'the image has neither ENTRYPOINT nor CMD ("no command specified")', required: true });
    }
    else {
        const exe = checkExecutable(files, command[0], config);
        checks.push(...exe.checks);
        if (exe.program)
            programs = [exe.program];
    }
    const user = checkUser(files, config.user);
    if (user)
        checks.push(user);
    // The Go programs the image ships where the original put them count too (a script may start them).
    for (const e of expectedPaths) {
        const r = paths_resolvePath(files, e.path);
        if (r.ok && r.entry.go && !programs.some((p) => p.path === r.path))
            programs.push({ path: r.path, entry: r.entry });
    }
    checks.push(...checkGoNeeds(files, programs, config));
    const paths = checkExpectedPaths(files, expectedPaths);
    if (paths)
        checks.push(paths);
    return checks;
}

;// CONCATENATED MODULE: ./src/advisor/proof/prove.ts



/** The parts of an image's config that decide how it starts. */
async function startConfig(image, docker) {
    const { healthcheck, ...facts } = await docker.startConfig(image);
    return { ...facts, healthcheck: healthcheck ? { test: healthcheck } : null };
}
async function proveItStarts(image, options, deps) {
    const config = await startConfig(image, deps.docker);
    const files = await readImageFiles(image, deps.docker);
    const checks = checkStartup({ files, config, expectedPaths: options.expectedPaths });
    const failed = checks.filter((c) => c.required && !c.ok);
    if (failed.length > 0)
        return { ok: false, reason: `it would not start: ${failed.map((c) => c.detail).join('; ')}`, checks, start: null };
    const started = await startCheck(image, options.originalImage, deps.docker, { waitMs: options.waitMs, healthcheck: config.healthcheck });
    const start = { ok: started.ok, detail: started.detail, exitCode: started.exitCode, running: started.running, readOnly: started.readOnly };
    return { ok: start.ok, reason: start.ok ? null : start.detail, checks, start };
}

;// CONCATENATED MODULE: ./src/advisor/verify.ts
// Proof: build the suggested Dockerfile with the user's context and build
// settings, measure it, prove it starts (proof/: its files and config, then a
// start offline), and optionally run `verify-command` in it. The Dockerfile
// is written outside the context (and passed with --file), so the context is
// untouched and BuildKit's cache for the build stage is reused. A failure is
// reported, never thrown: the advice stands without the claim.






async function verifySuggestion(req, deps) {
    const dir = await (0,promises_namespaceObject.mkdtemp)(external_node_path_default().join(deps.tempDir, 'suggestion-'));
    const file = external_node_path_default().join(dir, 'Dockerfile');
    await (0,promises_namespaceObject.writeFile)(file, req.dockerfile);
    let made;
    let wasBuilt = false;
    try {
        made = await deps.buildAndMeasure({ ...req.build, file, target: null, cacheTo: [] }, () => {
            wasBuilt = true;
        });
    }
    catch (error) {
        // A measurement that fails after the build is not the suggestion's fault: the caller says it could not be verified.
        if (wasBuilt)
            throw error;
        return { verified: false, imageId: null, size: null, savings: null, error: `the suggested Dockerfile did not build: ${errorMessage(error)}`, verifyCommand: null, proof: null, buildLog: '' };
    }
    const imageId = made.built.imageId;
    const buildLog = made.built.log;
    const size = { uncompressed: made.measurement.size.uncompressed, compressed: made.measurement.size.compressed };
    const savings = req.originalSize - size.uncompressed;
    const proven = await proveItStarts(imageId, { expectedPaths: req.expectedPaths ?? [], originalImage: req.originalImage ?? null, waitMs: deps.startWaitMs }, deps);
    const proof = { checks: proven.checks, start: proven.start };
    const built = { imageId, size, savings, proof, buildLog };
    if (!proven.ok)
        return { ...built, verified: false, error: `the suggested image was built but ${proven.reason}`, verifyCommand: null };
    if (!req.verifyCommand)
        return { ...built, verified: true, error: null, verifyCommand: null };
    const run = await runInImage(imageId, req.verifyCommand, deps);
    const ok = run.exitCode === 0;
    return {
        ...built,
        verified: ok,
        error: ok ? null : `verify-command '${req.verifyCommand}' exited with ${run.exitCode} in the suggested image: ${lastLines(run.output, 3)}`,
        verifyCommand: run
    };
}
/** Runs a command (no shell: scratch has none) as the image's entrypoint; removes the container. */
async function runInImage(imageId, command, deps) {
    const words = splitCommands(command)[0] ?? [];
    const timeoutMs = deps.runTimeoutMs ?? 120_000;
    const result = await deps.docker.runToEnd(imageId, { entrypoint: words.length > 0 ? words[0] : null, args: words.slice(1), timeoutMs });
    if (result === null)
        return { command, exitCode: 124, output: `timed out after ${Math.round(timeoutMs / 1000)} s` };
    const output = (result.stdout + (result.stderr ? `\n${result.stderr}` : '')).trim();
    return { command, exitCode: result.exitCode, output: output.length > 2000 ? output.slice(-2000) : output };
}

;// CONCATENATED MODULE: ./src/advisor/stage.ts
// The advise stage: Dockerfile model + context facts + measurement → findings,
// a suggested Dockerfile and, when asked (or when it matters), its proof:
// built, measured, and shown to start. An earlier proof is carried when
// nothing it depends on changed. Also the dockerfile-only path, which reads
// files and never runs Docker.













// Findings a rewritten Dockerfile fixes; any of them makes a suggestion worth writing.
const SUGGESTION_RULES = new Set(['multi-stage', 'minimal-base', 'cgo-disabled', 'strip-symbols', 'trimpath']);
// The bases a suggestion may end on: their sizes (when present locally) go into the savings.
const SUGGESTED_BASES = [DISTROLESS_STATIC_NONROOT, DISTROLESS_STATIC, DISTROLESS_BASE, DISTROLESS_BASE_NONROOT];
/**
 * `verify-suggestion: auto` builds the suggestion when the budget is exceeded
 * or warns, and, without a budget, when a size finding claims savings: the
 * claim is what the proof is for. A passing budget spends no second build.
 */
function shouldVerify(mode, budgetStatus, findings) {
    if (mode === 'true')
        return { verify: true, reason: 'verify-suggestion: true' };
    if (mode === 'false')
        return { verify: false, reason: 'verify-suggestion: false' };
    if (budgetStatus === 'fail' || budgetStatus === 'warn')
        return { verify: true, reason: `budget ${budgetStatus === 'fail' ? 'exceeded' : 'near its limit'}` };
    if (budgetStatus === 'none' && findings.some((f) => SIZE_RULES.has(f.rule) && (f.estimatedSavings ?? 0) > 0)) {
        return { verify: true, reason: 'no budget set, and the findings claim savings' };
    }
    return { verify: false, reason: budgetStatus === 'pass' ? 'budget passes (verify-suggestion: auto)' : 'no savings claimed (verify-suggestion: auto)' };
}
/** `golang` → `golang:latest`; `docker.io/library/x:1` → `x:1` (as RepoTags name them). */
const normalName = (ref) => {
    const plain = ref.replace(/^(docker\.io\/)?(library\/)?/, '');
    return /:[^/]*$|@/.test(plain) ? plain : `${plain}:latest`;
};
/**
 * Images the daemon already has (nothing is pulled for this), by the names
 * asked: their ids, sizes and configs, matched back by tag.
 */
async function localImages(names, docker) {
    const found = new Map();
    for (const raw of await docker.inspectPresent(names)) {
        const env = {};
        for (const e of raw.config.env) {
            const eq = e.indexOf('=');
            if (eq > 0)
                env[e.slice(0, eq)] = e.slice(eq + 1);
        }
        const c = raw.config;
        const image = { id: raw.id, size: raw.size, defaults: { env, workdir: c.workingDir || '/', user: c.user, entrypoint: c.entrypoint, cmd: c.cmd, source: 'image' } };
        const refs = new Set([...raw.repoTags, ...raw.repoDigests].map(normalName));
        for (const name of names)
            if (refs.has(normalName(name)) || name === raw.id)
                found.set(name, image);
    }
    return found;
}
/** The images a Dockerfile builds FROM (not its stages, not scratch). */
const baseImages = (model) => [...new Set(model.stages.filter((s) => s.parentStage === null && s.image !== '' && s.image.toLowerCase() !== 'scratch').map((s) => s.image))];
/** The proof's expected paths: what the original final stage received, and the files from its sources the program needs. */
function pathsToKeep(model, files) {
    const paths = expectedPaths(model, files.goMod?.module ?? null);
    for (const f of sourceFilesToKeep(model, files.runtimeFiles ?? [], files.goMod?.module ?? null))
        paths.push({ ...f, directory: false });
    return paths;
}
/**
 * After a verified build the findings the suggestion implements add up to its
 * measured savings: the base change (or, when the stripping is all it
 * changes, the stripping) takes the verified savings less what the other
 * shaving findings claim. A suggestion that also relinks the binary
 * (cgo-disabled) changes more than its findings measure: they keep their own.
 */
function reconcileSavings(findings, suggestion) {
    if (!suggestion.verified || suggestion.savings == null)
        return findings;
    const relinks = findings.some((f) => f.rule === 'cgo-disabled');
    const main = findings.find((f) => f.rule === 'multi-stage' || f.rule === 'minimal-base') ?? (relinks ? undefined : findings.find((f) => f.rule === 'strip-symbols'));
    if (!main)
        return findings;
    const shaving = findings.filter((f) => f.rule === 'strip-symbols' && f !== main).reduce((sum, f) => sum + (f.estimatedSavings ?? 0), 0);
    return findings.map((f) => (f === main ? { ...f, estimatedSavings: Math.max(0, suggestion.savings - shaving) } : f));
}
async function adviseStage(input, deps) {
    const text = (0,external_node_fs_namespaceObject.readFileSync)(input.build.dockerfile, 'utf8');
    const file = (external_node_path_default().relative(input.workspace, input.build.dockerfile) || external_node_path_default().basename(input.build.dockerfile)).split((external_node_path_default()).sep).join('/');
    const options = { file, buildArgs: input.inputs.buildArgs, target: input.inputs.target };
    // The base images' own config (ENV, WORKDIR, default command), when they were built from: the daemon has them.
    const images = input.report ? await localImages([...new Set([...baseImages(parseDockerfile(text, options)), ...SUGGESTED_BASES])], deps.docker) : new Map();
    const model = parseDockerfile(text, { ...options, imageConfig: (image) => images.get(image)?.defaults ?? null });
    const files = readContextFiles(input.build.context, input.build.dockerfile);
    const measured = input.report
        ? {
            size: input.report.size.uncompressed,
            layers: input.report.layers,
            wasted: input.report.wasted,
            goBinaries: input.report.goBinaries,
            user: input.imageUser,
            budgetStatus: input.report.budget.status,
            baseSizes: Object.fromEntries(SUGGESTED_BASES.filter((b) => images.has(b)).map((b) => [b, images.get(b).size]))
        }
        : null;
    const { findings, skipped } = advise({ model, measured, files });
    if (!findings.some((f) => SUGGESTION_RULES.has(f.rule)))
        return { findings, suggestion: null, skipped };
    const suggested = suggestDockerfile({ model, measured, files });
    if (!suggested)
        return { findings, suggestion: null, skipped };
    const suggestion = { dockerfile: suggested.dockerfile, verified: false, size: null, error: null, savings: null, base: suggested.base, verifyReason: null, verifyCommand: null };
    if (!measured || !input.buildOptions || !input.report) {
        suggestion.verifyReason = 'dockerfile-only mode: nothing is built';
        return { findings, suggestion, skipped };
    }
    const decision = shouldVerify(input.inputs.verifySuggestion, measured.budgetStatus, findings);
    suggestion.verifyReason = decision.reason;
    if (!decision.verify)
        return { findings, suggestion, skipped };
    const read = (name) => {
        const p = external_node_path_default().join(input.build.context, name);
        return (0,external_node_fs_namespaceObject.existsSync)(p) ? (0,external_node_fs_namespaceObject.readFileSync)(p, 'utf8') : null;
    };
    const key = proofInputsKey({
        dockerfile: text,
        suggestion: suggested.dockerfile,
        baseDigests: Object.fromEntries([...baseImages(model), suggested.base].map((i) => [i, images.get(i)?.id ?? null])),
        goMod: read('go.mod'),
        goSum: read('go.sum'),
        program: programBinaries({ model, measured, files }).map((b) => ({ path: b.path, static: b.static, needs: b.needs ?? null })),
        settings: { buildArgs: input.inputs.buildArgs, target: input.inputs.target, platform: input.buildOptions.platform, verifyCommand: input.inputs.verifyCommand }
    });
    suggestion.inputsKey = key;
    const carried = applyCarried(suggestion, key, input.previousProof);
    if (carried) {
        deps.log.info(`Suggested Dockerfile: ${carried.verifyReason}.`);
        return { findings: reconcileSavings(findings, carried), suggestion: carried, skipped };
    }
    const buildOptions = input.buildOptions;
    try {
        const result = await deps.log.group('Verify the suggested Dockerfile', () => verifySuggestion({
            dockerfile: suggested.dockerfile,
            build: buildOptions,
            originalSize: measured.size,
            verifyCommand: input.inputs.verifyCommand,
            expectedPaths: pathsToKeep(model, files),
            originalImage: input.report?.image?.id ?? null
        }, { docker: deps.docker, tempDir: deps.tempDir, buildAndMeasure: deps.buildAndMeasure, startWaitMs: deps.startWaitMs }));
        Object.assign(suggestion, {
            verified: result.verified,
            size: result.size,
            savings: result.savings,
            error: result.error,
            verifyCommand: result.verifyCommand,
            proof: result.proof,
            verifiedAt: input.report.image?.commit ?? null
        });
        if (result.error)
            deps.log.warning(result.error);
    }
    catch (error) {
        // Measuring the suggestion failed (e.g. the daemon went away): the advice stands without the claim.
        suggestion.error = `the suggested Dockerfile could not be verified: ${errorMessage(error)}`;
        suggestion.inputsKey = null;
        deps.log.warning(suggestion.error);
    }
    return { findings: reconcileSavings(findings, suggestion), suggestion, skipped };
}

;// CONCATENATED MODULE: ./src/log.ts
const silentLogger = {
    info: () => { },
    warning: () => { },
    debug: () => { },
    group: (_name, fn) => fn()
};

;// CONCATENATED MODULE: ./src/advisor/dockerfile-only.ts
// Dockerfile-only mode: the rules that need no built image, on the
// Dockerfile and the context's files alone. The pipeline runs no command (no
// Docker, no build), so it fits pre-commit hooks and editors.







async function dockerfileOnlyReport(inputs, build, run) {
    const noDocker = () => Promise.reject(new Error('dockerfile-only mode runs no commands'));
    const advice = await adviseStage({ inputs, build, workspace: run.workspace, report: null, imageUser: null, buildOptions: null }, {
        docker: new Docker({
            exec: noDocker,
            spawn: () => {
                throw new Error('dockerfile-only mode runs no commands');
            }
        }),
        tempDir: '',
        log: silentLogger,
        buildAndMeasure: noDocker
    });
    const errorFindings = advice.findings.filter((f) => f.severity === 'error');
    const errors = errorFindings.length > 0;
    const warnings = advice.findings.some((f) => f.severity === 'warning');
    return {
        schemaVersion: SCHEMA_VERSION,
        tool: { name: TOOL.name, version: TOOL.version },
        image: {
            ref: null,
            id: '',
            platform: inputs.platforms[0] ?? '',
            context: external_node_path_default().relative(run.workspace, build.context) || '.',
            dockerfile: external_node_path_default().relative(run.workspace, build.dockerfile),
            target: inputs.target,
            commit: run.commit
        },
        size: { uncompressed: 0, compressed: null, compressedSource: null },
        layers: [],
        wasted: null,
        goBinaries: [],
        budget: {
            metric: inputs.budgetMetric,
            limit: inputs.budget,
            warnAt: null,
            maxIncrease: null,
            status: 'none',
            // The entry points fail the job with this line when an error-level finding fails the check.
            reason: errors ? `dockerfile-only: ${errorFindings.map((f) => `${f.rule} at ${f.file}:${f.line ?? '-'}`).join(', ')}` : 'dockerfile-only mode: no image built'
        },
        baseline: NO_BASELINE,
        delta: null,
        findings: advice.findings,
        suggestion: advice.suggestion,
        history: [],
        mode: 'dockerfile-only',
        skippedRules: advice.skipped,
        // Without a size there is no budget verdict; an error-level finding (a binary
        // that cannot start) fails unless fail-on is never.
        status: errors && inputs.failOn !== 'never' ? 'fail' : errors || warnings ? 'warn' : 'pass'
    };
}

;// CONCATENATED MODULE: ./src/pipeline.ts
// The stages in order: build → measure → baseline → compare/budget → advise.
// Takes its collaborators as parameters; returns the Report. Rendering and
// publishing are the entry points' business.
















/**
 * docker buildx's own fallback: a Dockerfile path named `Dockerfile` that is
 * not there means `dockerfile` beside it, when that one is (buildx's
 * handleLowercaseDockerfile, after moby/moby#10858).
 */
function lowercaseFallback(dockerfile) {
    if (external_node_path_default().basename(dockerfile) !== 'Dockerfile')
        return dockerfile;
    const dir = external_node_path_default().dirname(dockerfile);
    let names;
    try {
        names = (0,external_node_fs_namespaceObject.readdirSync)(dir);
    }
    catch {
        return dockerfile;
    }
    return !names.includes('Dockerfile') && names.includes('dockerfile') ? external_node_path_default().join(dir, 'dockerfile') : dockerfile;
}
/** Resolves context and Dockerfile and checks they exist, naming the input at fault. */
function resolveBuild(inputs, workspace, confine = false) {
    const context = external_node_path_default().resolve(workspace, inputs.context);
    const outside = (p) => {
        const rel = external_node_path_default().relative(workspace, p);
        return rel === '..' || rel.startsWith(`..${(external_node_path_default()).sep}`) || external_node_path_default().isAbsolute(rel);
    };
    if (confine && outside(context))
        throw new UsageError(`context: '${inputs.context}' is outside the workspace (${workspace}); use a directory inside the checkout`);
    if (confine && inputs.file && outside(external_node_path_default().resolve(workspace, inputs.file))) {
        throw new UsageError(`file: '${inputs.file}' is outside the workspace (${workspace}); use a Dockerfile inside the checkout`);
    }
    if (!(0,external_node_fs_namespaceObject.existsSync)(context) || !(0,external_node_fs_namespaceObject.statSync)(context).isDirectory()) {
        throw new UsageError(`context: '${inputs.context}' is not a directory (resolved to ${context})`);
    }
    const dockerfile = lowercaseFallback(inputs.file ? external_node_path_default().resolve(workspace, inputs.file) : external_node_path_default().join(context, 'Dockerfile'));
    const shown = external_node_path_default().relative(workspace, dockerfile) || dockerfile;
    if (!(0,external_node_fs_namespaceObject.existsSync)(dockerfile)) {
        throw new UsageError(`file: no Dockerfile at ${shown}; set 'file' to its path`);
    }
    if (!(0,external_node_fs_namespaceObject.statSync)(dockerfile).isFile())
        throw new UsageError(`file: ${shown} is a directory, not a Dockerfile; set 'file' to the Dockerfile's path`);
    try {
        (0,external_node_fs_namespaceObject.accessSync)(dockerfile, external_node_fs_namespaceObject.constants.R_OK);
    }
    catch (error) {
        throw new UsageError(`file: cannot read ${shown} (${error.code ?? 'unreadable'}); check its permissions`);
    }
    return { context, dockerfile };
}
async function runPipeline(inputs, ctx, deps) {
    // One adapter for the run: every image built below (head, base, suggestion) is recorded on it.
    const docker = deps.docker ?? new Docker({ exec: deps.exec, spawn: deps.spawn });
    if (!inputs.cleanup || inputs.dockerfileOnly)
        return runStages(inputs, ctx, { ...deps, docker });
    // `cleanup`: what was built is removed at the end, also after a failure.
    try {
        return await runStages(inputs, ctx, { ...deps, docker });
    }
    finally {
        await removeBuiltImages(docker.builtImages, docker, deps.log);
    }
}
async function runStages(inputs, ctx, deps) {
    // Dockerfile-only: the rules that need no image, on the files alone; no Docker, no other command.
    if (inputs.dockerfileOnly) {
        if (inputs.image)
            throw new UsageError(`dockerfile-only: cannot check a Dockerfile for 'image'; unset one of them`);
        return dockerfileOnlyReport(inputs, resolveBuild(inputs, ctx.workspace, ctx.confineToWorkspace), ctx);
    }
    // Budget and baseline settings are checked before anything is built.
    const settings = budgetSettings(inputs);
    const baselineSource = chooseSource(inputs);
    const docker = deps.docker;
    const secretSources = inputs.image ? { secretFiles: [], secretEnvs: [] } : resolveSecretSources(inputs, ctx.workspace, ctx.env ?? {});
    const buildOptions = (paths) => ({
        context: paths.context,
        file: paths.dockerfile,
        target: inputs.target,
        platform: inputs.platforms[0] ?? null,
        builder: inputs.builder,
        buildArgs: inputs.buildArgs,
        buildContexts: inputs.buildContexts,
        cacheFrom: inputs.cacheFrom,
        cacheTo: inputs.cacheTo,
        labels: inputs.labels,
        tags: [],
        secrets: inputs.secrets,
        ...secretSources
    });
    // Build and measure: one build per platform (multi-platform `--load` is
    // refused), each measured; the top-level fields describe the first platform.
    const resolved = inputs.image ? null : resolveBuild(inputs, ctx.workspace, ctx.confineToWorkspace);
    const dockerfileText = resolved ? (0,external_node_fs_namespaceObject.readFileSync)(resolved.dockerfile, 'utf8') : null;
    // Layers are tied to the Dockerfile that built them (the head's, or the base's).
    const dockerfileSource = (content) => ({ content, target: inputs.target, buildArgs: buildArgMap(inputs.buildArgs) });
    const measureOptions = { cacheDir: deps.cacheDir, dockerfile: dockerfileText === null ? null : dockerfileSource(dockerfileText) };
    const platformsToBuild = inputs.image || inputs.platforms.length === 0 ? [null] : inputs.platforms;
    const measuredPlatforms = [];
    const output = inputs.image ? 'load' : await docker.buildOutput(inputs.builder);
    // The one build-and-measure of this run (src/build-measure.ts): the head, the base and the suggestion.
    const buildAndMeasure = runBuild(output, { docker, exec: deps.exec, spawn: deps.spawn, tempDir: deps.tempDir, log: deps.log, onProgress: (chunk) => deps.log.debug(chunk) });
    for (const platform of platformsToBuild) {
        if (inputs.image) {
            const ref = inputs.image;
            await docker.ensureImage(ref, inputs.platforms[0] ?? null);
            const measurement = await deps.log.group(`Measure ${ref}`, () => measureImage(ref, measureOptions, { docker, log: deps.log }));
            measuredPlatforms.push({ platform, measurement });
            continue;
        }
        const build = resolved;
        const label = `${external_node_path_default().relative(ctx.workspace, build.dockerfile) || build.dockerfile}${platform ? ` (${platform})` : ''}`;
        const { measurement } = await deps.log.group(`Build and measure ${label}`, () => buildAndMeasure({ ...buildOptions(build), platform }, measureOptions));
        measuredPlatforms.push({ platform, measurement });
    }
    const imageInfo = (m) => ({
        ref: inputs.image,
        id: m.inspected.id,
        platform: m.inspected.platform,
        context: resolved ? external_node_path_default().relative(ctx.workspace, resolved.context) || '.' : null,
        dockerfile: resolved ? external_node_path_default().relative(ctx.workspace, resolved.dockerfile) : null,
        target: inputs.target,
        commit: ctx.commit
    });
    const first = measuredPlatforms[0].measurement;
    const inspected = first.inspected;
    const platformReports = measuredPlatforms.length > 1
        ? measuredPlatforms.map(({ measurement: m }) => {
            const { image, size, layers, wasted, goBinaries, budget, baseline, delta, status } = reportFromMeasurement(m, imageInfo(m), inputs);
            return { platform: m.inspected.platform, image, size, layers, wasted, goBinaries, budget, baseline, delta, status };
        })
        : undefined;
    const measured = { ...reportFromMeasurement(first, imageInfo(first), inputs), ...(platformReports ? { platforms: platformReports } : {}) };
    // Baseline → compare/budget. The base is built with the head's inputs (same
    // BuildKit cache; its cache is not exported over the head's) and measured alike.
    const buildBase = async (paths) => {
        const options = { ...buildOptions(paths), cacheTo: [], platform: inputs.platforms.length > 0 ? paths.platform : null };
        const { built, measurement: base } = await buildAndMeasure(options, { ...measureOptions, dockerfile: dockerfileSource((0,external_node_fs_namespaceObject.readFileSync)(paths.dockerfile, 'utf8')) });
        return { imageId: built.imageId, platform: base.inspected.platform, size: base.size, layers: base.layers, log: built.log };
    };
    const compared = await deps.log.group('Baseline', () => compareStage(measured, {
        inputs,
        source: baselineSource,
        settings,
        base: ctx.base ?? null,
        build: resolved,
        previousHistory: ctx.previousHistory ?? [],
        now: deps.now
    }, { exec: deps.exec, tempDir: deps.tempDir, log: deps.log, buildAndMeasure: buildBase }));
    // Advise: Dockerfile rules on the measurement, a suggested Dockerfile, and its proof.
    if (!resolved)
        return compared.report;
    return adviseReport(compared.report, { inputs, build: resolved, workspace: ctx.workspace, imageUser: inspected.config.user, buildOptions: buildOptions(resolved), previousProof: ctx.previousProof ?? null }, { ...deps, buildAndMeasure });
}
/** A measured image as a report, before the baseline, the verdict and the advice. */
function reportFromMeasurement(m, image, inputs) {
    return {
        schemaVersion: SCHEMA_VERSION,
        tool: { name: TOOL.name, version: TOOL.version },
        // The comment-key names the image where one comment shows several (the job after a matrix).
        ...(inputs.commentKey ? { name: inputs.commentKey } : {}),
        image,
        size: m.size,
        layers: m.layers,
        wasted: m.wasted,
        goBinaries: m.goBinaries,
        budget: { metric: inputs.budgetMetric, limit: inputs.budget, warnAt: null, maxIncrease: null, status: 'none' },
        baseline: NO_BASELINE,
        delta: null,
        findings: [],
        suggestion: null,
        history: [],
        status: 'pass'
    };
}
/** Adds the findings and the suggested Dockerfile (built and measured when it matters) to a judged report. */
async function adviseReport(report, req, deps) {
    const advised = await adviseStage({ inputs: req.inputs, build: req.build, workspace: req.workspace, report, imageUser: req.imageUser, buildOptions: req.buildOptions, previousProof: req.previousProof ?? null }, {
        docker: deps.docker,
        tempDir: deps.tempDir,
        log: deps.log,
        // The suggestion is built and measured as the head is; its sizes need no registry.
        buildAndMeasure: (options, onBuilt) => deps.buildAndMeasure(options, { cacheDir: deps.cacheDir, registry: false }, onBuilt)
    });
    return { ...report, findings: advised.findings, suggestion: advised.suggestion };
}

;// CONCATENATED MODULE: ./src/bake/definition.ts
// A bake definition as this project reads it (pure): the targets of
// `docker buildx bake --print`, the images to measure (one per target and
// platform: an image is measured for one platform, and a multi-platform image
// cannot be loaded into the classic store, so a target with several platforms
// becomes one image per platform, built in the same bake run), and the
// overlay file that makes bake deliver each image where it can be measured.


const strings = (value) => (Array.isArray(value) ? value.filter((v) => typeof v === 'string') : []);
/** The targets `--print` resolved, in the order its default group lists them. */
function parseBakePrint(json, file) {
    let doc;
    try {
        doc = JSON.parse(json);
    }
    catch {
        throw new UsageError(`bake: docker buildx bake --print gave no definition for ${file}; check the file with 'docker buildx bake --print'`);
    }
    const printed = doc.target ?? {};
    const order = strings(doc.group?.default?.targets);
    const names = [...order.filter((n) => n in printed), ...Object.keys(printed).filter((n) => !order.includes(n))];
    if (names.length === 0)
        throw new UsageError(`bake: ${file} defines no target to build; add a target, or name one in bake-targets`);
    return names.map((name) => {
        const t = printed[name];
        if (typeof t['dockerfile-inline'] === 'string') {
            throw new UsageError(`bake-targets: target '${name}' has a dockerfile-inline; its Dockerfile is read from a file to name layers and advise, so move it into a Dockerfile`);
        }
        const args = {};
        if (t.args && typeof t.args === 'object')
            for (const [k, v] of Object.entries(t.args))
                if (typeof v === 'string')
                    args[k] = v;
        return {
            name,
            context: typeof t.context === 'string' && t.context !== '' ? t.context : '.',
            dockerfile: typeof t.dockerfile === 'string' && t.dockerfile !== '' ? t.dockerfile : 'Dockerfile',
            stage: typeof t.target === 'string' && t.target !== '' ? t.target : null,
            args,
            platforms: strings(t.platforms)
        };
    });
}
/** A context bake takes from elsewhere than a local directory (a Git or HTTP URL). */
const REMOTE = /^(https?:\/\/|git@|git:\/\/|ssh:\/\/|github\.com\/)/;
/**
 * One image per target and platform. `platforms` (the input) overrides every
 * target's platforms; a target without any is built for the builder's default.
 */
function planImages(targets, platforms, cwd) {
    return targets.flatMap((target, t) => {
        if (REMOTE.test(target.context)) {
            throw new UsageError(`bake-targets: target '${target.name}' builds from a remote context (${target.context}); only local contexts can be compared with the base commit, so use a directory`);
        }
        const context = external_node_path_default().resolve(cwd, target.context);
        const dockerfile = external_node_path_default().resolve(context, target.dockerfile);
        const wanted = platforms.length > 0 ? platforms : target.platforms;
        const each = wanted.length > 0 ? wanted : [null];
        return each.map((platform, p) => ({
            key: `gib-${t + 1}-${p + 1}-${target.name.replace(/[^A-Za-z0-9_-]/g, '_')}`.slice(0, 100),
            name: each.length > 1 && platform ? `${target.name} (${platform})` : target.name,
            target,
            platform,
            context,
            dockerfile
        }));
    });
}
/**
 * The overlay bake reads after the user's file: one target per image that
 * inherits the user's target and changes only what the measurement needs: one
 * platform, no tags (a build must not move the user's tags), and an output the
 * engine can measure (`type=docker`: loaded; or an archive of the exact blobs).
 * `cacheTo: false` leaves the user's cache export out (the base build must not
 * overwrite the head's cache).
 */
function bakeOverlay(images, output, options) {
    const target = {};
    for (const image of images) {
        target[image.key] = {
            inherits: [image.target.name],
            tags: [],
            output: [output(image)],
            ...(image.platform ? { platforms: [image.platform] } : {}),
            ...(options.cacheTo ? {} : { 'cache-to': [] })
        };
    }
    return { target };
}
/** The image id bake's metadata file records for an overlay target loaded into the engine. */
function loadedImageId(metadata, key) {
    try {
        const entry = JSON.parse(metadata)[key];
        const id = entry?.['containerimage.config.digest'] ?? entry?.['containerimage.digest'];
        return typeof id === 'string' && /^sha256:[0-9a-f]{64}$/.test(id) ? id : null;
    }
    catch {
        return null;
    }
}
/** The inputs that mean one build and have no place in a bake run, each with where it goes instead. */
const NOT_WITH_BAKE = [
    ['file', 'file', 'each target names its Dockerfile in the bake file'],
    ['target', 'target', "set each target's stage with `target` in the bake file"],
    ['image', 'image', 'bake builds its targets; unset image'],
    ['dockerfileOnly', 'dockerfile-only', 'it reads one Dockerfile; unset bake to use it'],
    ['buildArgs', 'build-args', 'set `args` in the bake file'],
    ['buildContexts', 'build-contexts', 'set `contexts` in the bake file'],
    ['cacheFrom', 'cache-from', 'set `cache-from` in the bake file'],
    ['cacheTo', 'cache-to', 'set `cache-to` in the bake file'],
    ['labels', 'labels', 'set `labels` in the bake file'],
    ['secrets', 'secrets', 'set `secret` in the bake file'],
    ['secretFiles', 'secret-files', 'set `secret` in the bake file'],
    ['secretEnvs', 'secret-envs', 'set `secret` in the bake file'],
    ['baselineImage', 'baseline-image', 'it names one image; with bake each target is compared with its own base build'],
    ['baselineReport', 'baseline-report', 'it holds one image; with bake each target is compared with its own base build']
];
/** Refuses inputs a bake run cannot honour, naming the input and where its setting goes. */
function checkBakeInputs(inputs) {
    for (const [key, name, fix] of NOT_WITH_BAKE) {
        const value = inputs[key];
        if (Array.isArray(value) ? value.length > 0 : Boolean(value))
            throw new UsageError(`${name}: not used with bake; ${fix}`);
    }
    if (inputs.context !== '.')
        throw new UsageError('context: not used with bake; each target names its context in the bake file (relative to the workspace)');
}

;// CONCATENATED MODULE: ./src/bake/build.ts
// One `docker buildx bake` run for every image of a bake definition: the
// user's files plus an overlay (definition.ts) that gives each image one
// platform, no tags and an output the engine can measure. On the classic
// store's docker driver the images are loaded (`type=docker`) and their ids
// read from bake's metadata file; every other builder exports an archive per
// image, with the exact blobs BuildKit pushes, which is loaded and kept for
// the measurement (as src/docker/build.ts does for one build).




async function bakeBuild(req, deps) {
    const dir = await (0,promises_namespaceObject.mkdtemp)(external_node_path_default().join(deps.tempDir, 'bake-'));
    const archives = new Map(req.images.map((image) => [image.key, req.output === 'archive' ? external_node_path_default().join(dir, `${image.key}.tar`) : null]));
    try {
        const overlay = external_node_path_default().join(dir, 'go-image-budget.bake.json');
        await (0,promises_namespaceObject.writeFile)(overlay, JSON.stringify(bakeOverlay(req.images, (image) => {
            const archive = archives.get(image.key);
            return archive ? `type=docker,dest=${archive}` : 'type=docker';
        }, { cacheTo: req.cacheTo }), null, 2));
        const metadataFile = external_node_path_default().join(dir, 'metadata.json');
        const result = await deps.docker.bake({
            files: [...req.files, overlay],
            cwd: req.cwd,
            builder: req.builder,
            targets: req.images.map((i) => i.key),
            metadataFile,
            allowWrite: req.output === 'archive' ? dir : null,
            onProgress: deps.onProgress
        });
        const metadata = req.output === 'load' ? await (0,promises_namespaceObject.readFile)(metadataFile, 'utf8').catch(() => '') : '';
        const images = new Map();
        for (const image of req.images) {
            const archive = archives.get(image.key) ?? null;
            const imageId = archive ? await deps.docker.load(archive) : loadedImageId(metadata, image.key);
            if (!imageId)
                throw new CommandError(`docker buildx bake recorded no image for target '${image.target.name}'`, metadata.slice(0, 2000));
            // Loaded by bake itself: recorded here, as load records an archive's image.
            if (!archive)
                deps.docker.recordBuilt(imageId);
            // Moved out of the scratch directory, which goes when this returns.
            let kept = null;
            if (archive) {
                kept = external_node_path_default().join(deps.tempDir, `image-${external_node_path_default().basename(dir)}-${image.key}.tar`);
                await (0,promises_namespaceObject.rename)(archive, kept);
            }
            images.set(image.key, { imageId, archive: kept });
        }
        return { images, log: result.stderr };
    }
    finally {
        await (0,promises_namespaceObject.rm)(dir, { recursive: true, force: true });
    }
}

;// CONCATENATED MODULE: ./src/bake/baseline.ts
// The baseline of every image of a bake run, from ONE bake run of the base
// commit: a worktree of it, the same bake file (the base's version of it) and
// the same overlay, so BuildKit's cache serves what the two commits share.
// An image whose bake file, context and Dockerfile are the same at the base
// is its own baseline (nothing is built again for it). A base without the
// bake file, without a target, or whose bake run fails, gives "no baseline:
// …" for the images concerned, never a failed job.







const none = (error, ref, commit = null) => ({ source: 'build', ref, commit, size: null, layers: [], error: `no baseline: ${error}` });
const baseline_within = (root, p) => {
    const rel = external_node_path_default().relative(root, p);
    return rel === '..' || rel.startsWith(`..${(external_node_path_default()).sep}`) || external_node_path_default().isAbsolute(rel) ? null : rel;
};
/** The baseline of each image, by its key. */
async function bakeBaselines(req, deps) {
    const result = new Map();
    const all = (baseline) => {
        for (const image of req.images)
            result.set(image.key, baseline);
        return result;
    };
    if (!req.base)
        return all(req.auto ? NO_BASELINE : none('no base ref: not a pull_request or push event; set base-ref (e.g. main)', null));
    const ref = req.base.ref;
    const name = ref ?? req.base.sha?.slice(0, 12) ?? 'base';
    const repoRoot = await gitRoot(req.workspace, deps.exec);
    if (!repoRoot)
        return all(none('the workspace is not in a git repository', ref));
    const bakeRel = baseline_within(repoRoot, req.bakeFile);
    const workdirRel = baseline_within(repoRoot, req.workspace);
    if (bakeRel === null || workdirRel === null)
        return all(none(`the bake file lies outside the git repository ${repoRoot}, so the base commit cannot provide it`, ref));
    let commit;
    try {
        commit = (await resolveBaseCommit(repoRoot, req.base, deps.exec)).commit;
    }
    catch (error) {
        return all(none(errorMessage(error).split('\n')[0], ref));
    }
    const short = commit.slice(0, 7);
    // Which images the base commit could change: those whose bake file, context or Dockerfile differ.
    const toBuild = [];
    let unchanged = 0;
    for (const image of req.images) {
        const contextRel = baseline_within(repoRoot, image.context);
        const dockerfileRel = baseline_within(repoRoot, image.dockerfile);
        if (contextRel === null || dockerfileRel === null) {
            result.set(image.key, none(`the context or Dockerfile of ${image.name} lies outside the git repository ${repoRoot}`, ref, commit));
            continue;
        }
        const head = req.heads.get(image.key);
        const same = await sameContentAsWorkingTree(repoRoot, commit, [bakeRel, contextRel, dockerfileRel, `${dockerfileRel}.dockerignore`], deps.exec);
        if (same && head) {
            unchanged++;
            result.set(image.key, {
                source: 'build',
                ref,
                commit,
                error: null,
                size: { uncompressed: head.size.uncompressed, compressed: head.size.compressed },
                layers: head.layers,
                digest: head.imageId,
                platform: head.platform,
                note: `${name} (${short}) has the same bake file, build context and Dockerfile for ${image.name}, so its image is this one; it was not built again`
            });
        }
        else
            toBuild.push({ image, contextRel, dockerfileRel });
    }
    // pull_request_target checks out the base by default: comparing it with itself would say nothing.
    if (toBuild.length === 0 && unchanged > 0 && (await checkedOutCommit(repoRoot, deps.exec)) === commit) {
        return all(none(`the checkout is the base commit ${name} (${short}) itself, not the change to measure; on pull_request_target check out the pull request's head (ref: \${{ github.event.pull_request.head.sha }})`, ref, commit));
    }
    if (toBuild.length === 0)
        return result;
    if (unchanged > 0)
        deps.log.info(`The base ${name} (${short}) has the same inputs for ${unchanged} image(s): not built again`);
    try {
        await withWorktree(repoRoot, commit, deps.tempDir, deps.exec, async (dir) => {
            const bakeFile = external_node_path_default().join(dir, bakeRel);
            const cwd = external_node_path_default().join(dir, workdirRel);
            if (!(0,external_node_fs_namespaceObject.existsSync)(bakeFile)) {
                for (const { image } of toBuild)
                    result.set(image.key, none(`${name} (${short}) has no bake file at ${bakeRel}`, ref, commit));
                return;
            }
            const buildable = await baseline_baseImages(toBuild, { bakeFile, cwd, dir, name, short, ref, commit, builder: req.builder }, result, deps);
            if (buildable.length === 0)
                return;
            deps.log.info(`Building the base ${name} (${short}) from a worktree: ${buildable.length} image(s) in one bake run`);
            let baked;
            try {
                baked = await bakeBuild({ files: [bakeFile], cwd, builder: req.builder, images: buildable, output: req.output, cacheTo: false }, { docker: deps.docker, tempDir: deps.tempDir, onProgress: (chunk) => deps.log.debug(chunk) });
            }
            catch (error) {
                const detail = error instanceof CommandError && error.detail ? error.detail.split('\n').slice(-1)[0] : errorMessage(error).split('\n')[0];
                for (const image of buildable)
                    result.set(image.key, none(`the bake run of ${name} (${short}) failed: ${detail}`, ref, commit));
                return;
            }
            for (const image of buildable) {
                const built = baked.images.get(image.key);
                const measured = await deps.measure(image, built);
                result.set(image.key, {
                    source: 'build',
                    ref,
                    commit,
                    error: null,
                    size: { uncompressed: measured.size.uncompressed, compressed: measured.size.compressed },
                    layers: measured.layers,
                    digest: measured.imageId,
                    platform: measured.platform
                });
            }
        });
    }
    catch (error) {
        for (const { image } of toBuild)
            if (!result.has(image.key))
                result.set(image.key, none(errorMessage(error).split('\n')[0], ref, commit));
    }
    return result;
}
/**
 * The base's version of each image to build: its target as the base's bake
 * file defines it, for the head's platform, under the head's key. A target
 * the base does not have, or whose context or Dockerfile it lacks, gets its
 * "no baseline" here and is left out of the base run.
 */
async function baseline_baseImages(toBuild, at, result, deps) {
    const missing = (image, why) => result.set(image.key, none(`${at.name} (${at.short}) ${why}`, at.ref, at.commit));
    let wanted = toBuild;
    const known = await deps.docker.bakeTargetNames({ files: [at.bakeFile], cwd: at.cwd, builder: at.builder });
    if (known) {
        for (const t of wanted.filter((t) => !known.includes(t.image.target.name)))
            missing(t.image, `has no target '${t.image.target.name}' in ${external_node_path_default().relative(at.dir, at.bakeFile)}`);
        wanted = wanted.filter((t) => known.includes(t.image.target.name));
    }
    if (wanted.length === 0)
        return [];
    const names = [...new Set(wanted.map((t) => t.image.target.name))];
    let printed;
    try {
        printed = await deps.docker.bakePrint({ files: [at.bakeFile], cwd: at.cwd, builder: at.builder, targets: names });
    }
    catch (error) {
        const detail = error instanceof CommandError && error.detail ? error.detail.split('\n').slice(-1)[0] : errorMessage(error);
        for (const t of wanted)
            missing(t.image, `has a bake file that cannot be read: ${detail}`);
        return [];
    }
    let targets;
    try {
        targets = new Map(parseBakePrint(printed, at.bakeFile).map((t) => [t.name, t]));
    }
    catch (error) {
        for (const t of wanted)
            missing(t.image, `has a bake file this run cannot use: ${errorMessage(error)}`);
        return [];
    }
    const images = [];
    for (const { image } of wanted) {
        const target = targets.get(image.target.name);
        if (!target) {
            missing(image, `has no target '${image.target.name}'`);
            continue;
        }
        let planned;
        try {
            ;
            [planned] = planImages([target], image.platform ? [image.platform] : [], at.cwd);
        }
        catch (error) {
            missing(image, `cannot build ${image.name}: ${errorMessage(error)}`);
            continue;
        }
        if (!(0,external_node_fs_namespaceObject.existsSync)(planned.context) || !(0,external_node_fs_namespaceObject.statSync)(planned.context).isDirectory()) {
            missing(image, `has no directory ${external_node_path_default().relative(at.dir, planned.context) || '.'} for ${image.name}`);
            continue;
        }
        if (!(0,external_node_fs_namespaceObject.existsSync)(planned.dockerfile)) {
            missing(image, `has no Dockerfile at ${external_node_path_default().relative(at.dir, planned.dockerfile)} for ${image.name}`);
            continue;
        }
        images.push({ ...planned, key: image.key, name: image.name });
    }
    return images;
}

;// CONCATENATED MODULE: ./src/bake/pipeline.ts
// `bake`: the pipeline for every image of a bake file. The targets come from
// `docker buildx bake --print`; they are built in ONE bake run (one BuildKit
// session and cache), each measured as a single build is, compared with the
// base commit's images (one more bake run, from a worktree), judged against
// the same budget, and advised. Returns one report per image; publishing them
// as one comment is the entry points' business.













/** One report per image this run measures: the bake file's targets, or the one build. */
async function measureReports(inputs, ctx, deps) {
    return inputs.bake ? runBakePipeline(inputs, ctx, deps) : [await runPipeline(inputs, ctx, deps)];
}
async function runBakePipeline(inputs, ctx, deps) {
    // One adapter for the run: every image built below (head, base, suggestion) is recorded on it.
    const docker = deps.docker ?? new Docker({ exec: deps.exec, spawn: deps.spawn });
    if (!inputs.cleanup)
        return bakeStages(inputs, ctx, { ...deps, docker });
    // `cleanup`: what was built is removed at the end, also after a failure.
    try {
        return await bakeStages(inputs, ctx, { ...deps, docker });
    }
    finally {
        await removeBuiltImages(docker.builtImages, docker, deps.log);
    }
}
/** The bake file, checked: it exists, is a file, and (on GitHub) lies in the workspace. */
function resolveBakeFile(bake, workspace, confine = false) {
    const file = external_node_path_default().resolve(workspace, bake);
    const rel = external_node_path_default().relative(workspace, file);
    if (confine && (rel === '..' || rel.startsWith(`..${(external_node_path_default()).sep}`) || external_node_path_default().isAbsolute(rel))) {
        throw new UsageError(`bake: '${bake}' is outside the workspace (${workspace}); use a bake file inside the checkout`);
    }
    if (!(0,external_node_fs_namespaceObject.existsSync)(file))
        throw new UsageError(`bake: no bake file at ${bake}; set 'bake' to your docker-bake.hcl, docker-bake.json or compose.yaml`);
    if (!(0,external_node_fs_namespaceObject.statSync)(file).isFile())
        throw new UsageError(`bake: ${bake} is a directory; set 'bake' to the bake file in it (e.g. ${external_node_path_default().join(bake, 'docker-bake.hcl')})`);
    return file;
}
/** The images the bake file's targets make, read with `--print`; an unknown target is named with the ones there are. */
async function readImages(docker, bakeFile, inputs, cwd) {
    const request = { files: [bakeFile], cwd, builder: inputs.builder };
    const shown = external_node_path_default().basename(bakeFile);
    let printed;
    try {
        printed = await docker.bakePrint({ ...request, targets: inputs.bakeTargets });
    }
    catch (error) {
        if (!(error instanceof CommandError))
            throw error;
        const detail = error.detail ?? '';
        const unknown = /failed to find target (\S+)/.exec(detail)?.[1];
        if (unknown) {
            const names = await docker.bakeTargetNames(request);
            throw new UsageError(`bake-targets: no target or group '${unknown}' in ${shown}${names ? ` (it has ${names.join(', ')})` : ''}; name one of its targets`);
        }
        throw new UsageError(`bake: docker buildx bake cannot read ${shown}: ${detail.split('\n').filter(Boolean).pop() ?? 'no reason given'}`);
    }
    return planImages(parseBakePrint(printed, shown), inputs.platforms, cwd);
}
async function bakeStages(inputs, ctx, deps) {
    // Everything that can be refused is refused before anything is built.
    checkBakeInputs(inputs);
    if (inputs.baseline === 'image' || inputs.baseline === 'report') {
        throw new UsageError(`baseline: '${inputs.baseline}' compares one image; with bake use 'build' (each target against its base build), 'auto' or 'none'`);
    }
    const settings = budgetSettings(inputs);
    const docker = deps.docker;
    const bakeFile = resolveBakeFile(inputs.bake, ctx.workspace, ctx.confineToWorkspace);
    const images = await readImages(docker, bakeFile, inputs, ctx.workspace);
    const output = await docker.buildOutput(inputs.builder);
    const onProgress = (chunk) => deps.log.debug(chunk);
    // The suggestions are built one at a time, through the run's one build-and-measure.
    const buildAndMeasure = runBuild(output, { docker, exec: deps.exec, spawn: deps.spawn, tempDir: deps.tempDir, log: deps.log, onProgress });
    const measure = async (image, built) => {
        const dockerfile = { content: (0,external_node_fs_namespaceObject.readFileSync)(image.dockerfile, 'utf8'), target: image.target.stage, buildArgs: image.target.args };
        return measureBuilt(built, { cacheDir: deps.cacheDir, dockerfile }, { docker, exec: deps.exec, spawn: deps.spawn, log: deps.log });
    };
    const names = images.map((i) => i.name).join(', ');
    const baked = await deps.log.group(`Bake ${images.length} image(s): ${names}`, () => bakeBuild({ files: [bakeFile], cwd: ctx.workspace, builder: inputs.builder, images, output, cacheTo: true }, { docker, tempDir: deps.tempDir, onProgress }).catch((error) => {
        if (error instanceof CommandError && error.message === 'docker buildx bake failed')
            throw new CommandError(`docker buildx bake failed for ${external_node_path_default().relative(ctx.workspace, bakeFile) || bakeFile}`, error.detail);
        throw error;
    }));
    const measured = [];
    for (const image of images) {
        const built = baked.images.get(image.key);
        const measurement = await deps.log.group(`Measure ${image.name}`, () => measure(image, built));
        const report = reportFromMeasurement(measurement, {
            ref: null,
            id: measurement.inspected.id,
            platform: measurement.inspected.platform,
            context: external_node_path_default().relative(ctx.workspace, image.context) || '.',
            dockerfile: external_node_path_default().relative(ctx.workspace, image.dockerfile),
            target: image.target.stage,
            bakeTarget: image.target.name,
            commit: ctx.commit
        }, { ...inputs, commentKey: image.name });
        measured.push({ image, measurement, report });
    }
    // One base bake run for every image that may differ at the base.
    const heads = new Map(measured.map(({ image, report }) => [image.key, { imageId: report.image.id, platform: report.image.platform, size: report.size, layers: report.layers }]));
    const baselines = inputs.baseline === 'none'
        ? new Map()
        : await deps.log.group('Baseline', () => bakeBaselines({ base: ctx.base ?? null, auto: inputs.baseline === 'auto', workspace: ctx.workspace, bakeFile, builder: inputs.builder, output, images, heads }, {
            exec: deps.exec,
            docker,
            tempDir: deps.tempDir,
            log: deps.log,
            measure: async (image, built) => {
                const m = await measure(image, built);
                return { imageId: m.inspected.id, platform: m.inspected.platform, size: m.size, layers: m.layers };
            }
        }));
    const reports = [];
    for (const { image, measurement, report } of measured) {
        const baseline = baselines.get(image.key) ?? NO_BASELINE;
        const fetched = () => Promise.resolve({ baseline, history: [], buildLog: null });
        const compared = await compareStage(report, {
            inputs,
            source: inputs.baseline === 'none' ? 'none' : 'build',
            settings,
            base: ctx.base ?? null,
            build: { context: image.context, dockerfile: image.dockerfile },
            previousHistory: [],
            now: deps.now
        }, {
            exec: deps.exec,
            tempDir: deps.tempDir,
            log: deps.log,
            fetchBaseline: fetched,
            buildAndMeasure: () => Promise.reject(new Error('a bake run builds its base images itself'))
        });
        const buildArgs = Object.entries(image.target.args).map(([k, v]) => `${k}=${v}`);
        reports.push(await deps.log.group(`Advise ${image.name}`, () => adviseReport(compared.report, {
            inputs: { ...inputs, buildArgs, target: image.target.stage },
            build: { context: image.context, dockerfile: image.dockerfile },
            workspace: ctx.workspace,
            imageUser: measurement.inspected.config.user,
            buildOptions: {
                context: image.context,
                file: image.dockerfile,
                target: image.target.stage,
                platform: image.platform,
                builder: inputs.builder,
                buildArgs,
                buildContexts: [],
                cacheFrom: [],
                cacheTo: [],
                labels: [],
                tags: [],
                secrets: [],
                secretFiles: [],
                secretEnvs: []
            }
        }, { ...deps, buildAndMeasure })));
    }
    return reports;
}

;// CONCATENATED MODULE: ./src/report/embed.ts
// The sticky comment's hidden parts: a marker that finds it again (one per
// comment-key, so a matrix of images gets one comment each) and a data block
// that carries state to the next run (the trend, the verdict, which run wrote
// it). The data is base64 JSON inside an HTML comment: base64 has no `-` or
// `>`, so nothing in a report can close the comment or show up as text.
// A comment for several images carries a trend per image: that block is
// deflated first (`z:`), as fifty trends of twenty pushes would not fit as they are.



const TOOL_NAME = 'go-image-budget';
/** The hidden line that identifies this tool's comment for `key` ('' by default). */
function commentMarker(key) {
    return `<!-- ${TOOL_NAME}:${markerKey(key)} -->`;
}
// The key comes from the workflow file (trusted) but is still confined to a
// harmless alphabet so it cannot end the HTML comment.
function markerKey(key) {
    return key.trim() === ''
        ? 'default'
        : key
            .trim()
            .replace(/[^A-Za-z0-9._/:@+=-]/g, '_')
            .replace(/-{2,}/g, '-');
}
function hasMarker(body, key) {
    return typeof body === 'string' && body.includes(commentMarker(key));
}
const DATA_PREFIX = `<!-- ${TOOL_NAME}-data:`;
const DATA_PATTERN = new RegExp(`${DATA_PREFIX}(z:)?([A-Za-z0-9+/=]*) -->`);
/** A deflated block never inflates past this (a pasted block cannot exhaust memory). */
const MAX_STATE_BYTES = (/* unused pure expression or super */ null && (4 * 1024 * 1024));
function embedState(state) {
    const json = Buffer.from(JSON.stringify(state), 'utf8');
    // A single image's block stays plain, as comments written before many-image comments had it.
    if (!state.images)
        return `${DATA_PREFIX}${json.toString('base64')} -->`;
    return `${DATA_PREFIX}z:${(0,external_node_zlib_namespaceObject.deflateRawSync)(json, { level: 9 }).toString('base64')} -->`;
}
const STATUSES = (/* unused pure expression or super */ null && (['pass', 'warn', 'fail']));
const statusOf = (value) => (STATUSES.includes(value) ? value : 'pass');
const sizeOf = (value) => (typeof value === 'number' && Number.isFinite(value) ? value : 0);
function parseImages(value) {
    if (!Array.isArray(value))
        return undefined;
    return value.flatMap((entry) => entry && typeof entry === 'object' && typeof entry.name === 'string'
        ? [
            {
                name: entry.name,
                status: statusOf(entry.status),
                metric: entry.metric === 'compressed' ? 'compressed' : 'uncompressed',
                size: sizeOf(entry.size),
                history: parseHistory(entry.history)
            }
        ]
        : []);
}
/** Reads the state back from a comment body; null when absent or unreadable (never throws). */
function readEmbeddedState(body) {
    if (typeof body !== 'string')
        return null;
    const match = DATA_PATTERN.exec(body);
    if (!match)
        return null;
    try {
        const bytes = Buffer.from(match[2], 'base64');
        const json = match[1] ? inflateRawSync(bytes, { maxOutputLength: MAX_STATE_BYTES }) : bytes;
        const state = JSON.parse(json.toString('utf8'));
        if (state?.v !== 1 || !Array.isArray(state.history))
            return null;
        const images = parseImages(state.images);
        const proof = parseCarriedProof(state.proof);
        return {
            v: 1,
            key: String(state.key ?? ''),
            commit: typeof state.commit === 'string' ? state.commit : null,
            order: Number.isFinite(state.order) ? state.order : null,
            status: statusOf(state.status),
            metric: state.metric === 'compressed' ? 'compressed' : 'uncompressed',
            size: sizeOf(state.size),
            history: parseHistory(state.history),
            ...(images ? { images } : {}),
            ...(proof ? { proof } : {})
        };
    }
    catch {
        return null;
    }
}
/** The trend carried by an earlier comment, oldest first; [] when there is none. */
function readEmbeddedHistory(body) {
    return readEmbeddedState(body)?.history ?? [];
}

;// CONCATENATED MODULE: ./src/report/escape.ts
// Untrusted text (Dockerfile instructions, file paths, branch names, finding
// messages that quote them) goes into a pull-request comment that anyone can
// influence by opening a pull request. These helpers make sure such text stays
// text: it cannot end a table cell, open an HTML tag or comment, mention a
// person or team, reference an issue, or hide behind bidirectional overrides.
const ZERO_WIDTH_JOINER = '\u200d';
// C0/C1 controls (except tab/newline, which callers flatten) and the Unicode
// bidi overrides/isolates that let text display differently than it reads.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
/** Removes control and bidi-override characters and flattens line breaks to spaces. */
function sanitize(text) {
    // Reports can come from another run (untrusted JSON): never assume a string.
    return String(text ?? '')
        .replace(INVISIBLE, '')
        .replace(/\r\n?|\n|\t/g, ' ');
}
/** Shortens to at most `max` characters (counting code points), ending in "…". */
function truncate(text, max) {
    const chars = Array.from(text);
    return chars.length <= max ? text : chars.slice(0, Math.max(0, max - 1)).join('') + '…';
}
// Stops GitHub from turning `@name` and `@org/team` into mentions (they notify
// people) and `#123` / `GH-123` into cross-references (they ping issues).
function defuseReferences(text) {
    return text.replace(/@(?=[A-Za-z0-9_-])/g, `@${ZERO_WIDTH_JOINER}`).replace(/#(?=\d)/g, `#${ZERO_WIDTH_JOINER}`);
}
/**
 * Plain inline text, safe anywhere in a paragraph or table cell: markdown
 * punctuation is backslash-escaped, HTML metacharacters become entities, and
 * mentions are defused.
 */
function escapeText(text, max = 200) {
    const clean = truncate(sanitize(text), max);
    const escaped = clean
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/[\\`*_{}[\]()#+\-.!|~"$:]/g, (c) => `\\${c}`);
    return defuseReferences(escaped);
}
/**
 * Inline code, safe in a table cell: the fence is longer than any backtick run
 * inside, pipes are escaped (GFM splits cells before parsing code spans), and
 * nothing inside is markdown, HTML or a mention.
 */
function inlineCode(text, max = 120) {
    // A backslash right before a pipe would escape our escape (`\\|` ends the cell, in GitHub's
    // table scanner and in marked): a zero-width space keeps them apart.
    const clean = truncate(sanitize(text), max)
        .replace(/\\(?=\|)/g, '\\\u200b')
        .replace(/\|/g, '\\|');
    if (clean.trim() === '')
        return '` `';
    const longestRun = Math.max(0, ...(clean.match(/`+/g) ?? []).map((run) => run.length));
    const fence = '`'.repeat(longestRun + 1);
    const pad = clean.startsWith('`') || clean.endsWith('`') || clean.startsWith(' ') ? ' ' : '';
    return `${fence}${pad}${clean}${pad}${fence}`;
}
/** A fenced code block whose fence no line of `text` can close. */
function codeBlock(text, language = '') {
    const body = String(text ?? '')
        .replace(INVISIBLE, '')
        .replace(/\r\n?/g, '\n')
        .replace(/\n+$/, '');
    const longestRun = Math.max(0, ...(body.match(/`+/g) ?? []).map((run) => run.length));
    const fence = '`'.repeat(Math.max(3, longestRun + 1));
    return `${fence}${language}\n${body}\n${fence}`;
}
/** A URL path segment list, percent-encoded segment by segment (keeps `/`). */
function encodePath(filePath) {
    return (filePath
        .split('/')
        .filter((segment) => segment !== '' && segment !== '.')
        // encodeURIComponent leaves ( ) ! ' * alone; an unbalanced ")" would end a markdown link early.
        .map((segment) => encodeURIComponent(segment).replace(/[()!'*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
        .join('/'));
}
/**
 * Text inside an HTML block (a `<summary>` line), where markdown is not
 * parsed: entities for the HTML metacharacters, mentions defused.
 */
function htmlText(text, max = 200) {
    // Defused before the entities are written: `#` + digits inside `&#39;` is not a reference.
    return defuseReferences(truncate(sanitize(text), max))
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;')
        .replace(/'/g, '&#39;');
}
/** `<code>` inside an HTML block. */
function htmlCode(text, max = 120) {
    return `<code>${htmlText(text, max)}</code>`;
}
/**
 * Text that may mark code with single backticks (advisor messages: "add
 * `-trimpath`"): each `code` part becomes a safe code span, the rest is
 * escaped text. An unpaired backtick is just text.
 */
function escapeTextWithCode(text, max = 240) {
    const clean = truncate(sanitize(text), max);
    const parts = clean.split(/`([^`]+)`/);
    return parts.map((part, i) => (i % 2 === 1 ? inlineCode(part, max) : part === '' ? '' : escapeText(part, max))).join('');
}

;// CONCATENATED MODULE: ./src/report/numbers.ts
// Numbers as the comment shows them: sizes, deltas with their icon band (or
// "unchanged" when the report marks the change as noise), short commits. Pure; shared by the single-image comment
// (markdown.ts) and the many-image one (combined.ts).

const STATUS_ICON = { pass: '✅', warn: '⚠️', fail: '❌' };
function inMetric(sizes, metric) {
    if (!sizes)
        return null;
    return metric === 'compressed' ? sizes.compressed : sizes.uncompressed;
}
function percentOf(delta, base) {
    return base ? (delta / base) * 100 : null;
}
/** One icon per band of change, as compressed-size-action does. */
function deltaIcon(percent, delta) {
    if (percent === null)
        return delta > 0 ? '📈' : '📉';
    if (percent >= 50)
        return '🆘';
    if (percent >= 20)
        return '🚨';
    if (percent >= 10)
        return '⚠️';
    if (percent >= 5)
        return '🔍';
    if (percent <= -50)
        return '🏆';
    if (percent <= -20)
        return '🎉';
    if (percent <= -10)
        return '👏';
    if (percent <= -5)
        return '✅';
    return '';
}
/** "🔍 +1.1 MB (+9.7%)", or "unchanged" for no change or one the report marks as noise (`delta.noise`). */
function deltaText(delta, base, noise, icon = true) {
    if (delta === null)
        return '–';
    const percent = percentOf(delta, base);
    if (delta === 0 || noise)
        return delta === 0 ? 'unchanged' : `unchanged (${formatDelta(delta)})`;
    const text = percent === null ? formatDelta(delta) : `${formatDelta(delta)} (${percentText(percent)})`;
    const mark = icon ? deltaIcon(percent, delta) : '';
    return mark ? `${mark} ${text}` : text;
}
// A stored report is JSON another run wrote: a "number" may be anything, and
// numbers are interpolated without escaping, so check them.
const isCount = (value) => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
const size = (bytes) => (bytes === null || bytes === undefined ? '–' : formatSize(bytes));
const numbers_short = (commit) => (commit ? commit.slice(0, 7) : null);
function more(count, noun, plural = `${noun}s`) {
    return `…and ${count} more ${count === 1 ? noun : plural}`;
}
/** "-14%", but "-99.9%" rather than a rounded "-100%" for a change that is not total. */
function percentText(percent) {
    const abs = Math.abs(percent);
    return abs >= 99.5 && abs < 100 ? `${percent > 0 ? '+' : ''}${percent.toFixed(1)}%` : formatPercent(percent);
}
/**
 * How the baseline is named: its branch, or for a stored report given as a
 * path, the file's name (a runner's temp path says nothing to a reader).
 */
function numbers_baselineName(ref) {
    if (!ref)
        return null;
    return /\.json$/i.test(ref) && ref.includes('/') ? ref.slice(ref.lastIndexOf('/') + 1) : ref;
}

;// CONCATENATED MODULE: ./src/report/chart.ts
const chart_UNITS = [
    { name: 'B', bytes: 1 },
    { name: 'kB', bytes: 1e3 },
    { name: 'MB', bytes: 1e6 },
    { name: 'GB', bytes: 1e9 }
];
/** The short name a push goes by: its label (e.g. the base branch) or its 7-character commit. */
function pointName(point) {
    return point.label ?? point.commit.slice(0, 7);
}
function chartLabel(text) {
    const safe = text.replace(/[^A-Za-z0-9._/+-]/g, '_').slice(0, 24);
    return safe === '' ? '_' : safe;
}
function pointSize(point, metric) {
    return metric === 'compressed' ? point.compressed : point.uncompressed;
}
function roundUpNice(value) {
    if (value <= 0)
        return 1;
    const magnitude = 10 ** Math.floor(Math.log10(value));
    const step = [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].find((s) => s * magnitude >= value) ?? 10;
    return Number((step * magnitude).toPrecision(3));
}
// Size line in GitHub's blue, budget line in its red (the default palette draws
// the first line in a pale lavender that is hard to see on white); a low chart,
// since a comment is read, not studied.
const THEME = ['---', 'config:', '  xyChart:', '    height: 320', '  themeVariables:', '    xyChart:', '      plotColorPalette: "#0969da, #cf222e"', '---'];
/**
 * A mermaid chart of the sizes in `metric`, with the budget as a second, flat
 * line when the sizes come near it (a budget far above flattens the sizes into
 * the x-axis; the title names it instead). Null when fewer than two points
 * have a size.
 */
function trendChart(history, metric, budget) {
    const points = history.filter((p) => pointSize(p, metric) !== null);
    if (points.length < 2)
        return null;
    const sizes = points.map((p) => pointSize(p, metric));
    const largest = Math.max(...sizes);
    const budgetLine = budget !== null && largest >= budget / 2;
    const top = Math.max(largest, budgetLine ? budget : 0);
    const unit = [...chart_UNITS].reverse().find((u) => top >= u.bytes) ?? chart_UNITS[0];
    const inUnit = (bytes) => Number((bytes / unit.bytes).toFixed(bytes / unit.bytes >= 100 ? 0 : 2));
    const yMax = roundUpNice((top / unit.bytes) * 1.1);
    const labels = points.map((p) => `"${chartLabel(pointName(p))}"`);
    const budgetNote = budget !== null && !budgetLine ? `, budget ${inUnit(budget)} ${unit.name}` : '';
    const lines = [
        ...THEME,
        'xychart-beta',
        `    title "Image size (${metric}, ${unit.name}${budgetNote})"`,
        `    x-axis [${labels.join(', ')}]`,
        `    y-axis "${unit.name}" 0 --> ${yMax}`,
        `    line [${sizes.map(inUnit).join(', ')}]`
    ];
    if (budgetLine)
        lines.push(`    line [${points.map(() => inUnit(budget)).join(', ')}]`);
    return lines.join('\n');
}

;// CONCATENATED MODULE: ./src/report/sections.ts
// The comment's sections for one image: sizes against the base, the layers
// that changed and the largest ones, wasted bytes and Go binaries, findings,
// the suggested Dockerfile, the trend. Pure renderings of a Report, each
// bounded by a Limits row, so a caller can trade detail for length. What is
// noise and which layers changed were decided by the comparison
// (compare/compare.ts) and are read from the report, never recomputed here.





function dockerfileLink(target, line, file) {
    const path = file ?? target.dockerfile;
    if (!isCount(line) || !path)
        return '';
    const name = `${escapeText(path.split('/').pop() ?? path, 60)}:${line}`;
    if (!target.repoUrl || !target.commit || !/^[0-9a-f]{7,64}$/i.test(target.commit))
        return name;
    return `[${name}](${target.repoUrl}/blob/${target.commit}/${encodePath(path)}#L${line})`;
}
const LIMIT_LADDER = [
    { layers: 10, files: 10, findings: 30, history: 12, platforms: 20, suggestion: true, trendChart: true, details: true, embedHistory: 100 },
    { layers: 5, files: 5, findings: 10, history: 6, platforms: 10, suggestion: true, trendChart: true, details: true, embedHistory: 50 },
    { layers: 3, files: 3, findings: 5, history: 4, platforms: 8, suggestion: false, trendChart: false, details: true, embedHistory: 20 },
    { layers: 0, files: 0, findings: 0, history: 0, platforms: 5, suggestion: false, trendChart: false, details: false, embedHistory: 5 }
];
function renderSizeTable(report, limits) {
    const base = report.baseline;
    const name = numbers_baselineName(base.ref);
    const baseName = name ? inlineCode(name, 60) : 'baseline';
    if (report.platforms && report.platforms.length > 1) {
        const rows = report.platforms.slice(0, limits.platforms).map((p) => {
            const change = p.delta && p.baseline.size ? deltaText(p.delta.uncompressed, p.baseline.size.uncompressed, p.delta.noise.uncompressed) : '–';
            const changeCompressed = p.delta && p.baseline.size && p.delta.compressed !== null ? deltaText(p.delta.compressed, p.baseline.size.compressed, p.delta.noise.compressed) : '–';
            return `| ${STATUS_ICON[p.status]} ${inlineCode(p.platform, 40)} | ${size(p.size.uncompressed)} | ${change} | ${size(p.size.compressed)} | ${changeCompressed} |`;
        });
        const hidden = report.platforms.length - rows.length;
        if (hidden > 0)
            rows.push(`| ${more(hidden, 'platform')} | | | | |`);
        return [`| platform | uncompressed | vs ${baseName} | compressed | vs ${baseName} |`, '|:--|--:|--:|--:|--:|', ...rows, ''];
    }
    const headName = report.image.commit ? `this pull request (${inlineCode(numbers_short(report.image.commit) ?? '')})` : 'this image';
    const rows = [`| ${headName} | ${size(report.size.uncompressed)} | ${size(report.size.compressed)} |`];
    if (base.source !== 'none' && base.size) {
        const baseCommit = base.commit ? ` (${inlineCode(numbers_short(base.commit) ?? '')})` : '';
        rows.push(`| ${baseName}${baseCommit} | ${size(base.size.uncompressed)} | ${size(base.size.compressed)} |`);
        const delta = report.delta;
        const du = delta ? deltaText(delta.uncompressed, base.size.uncompressed, delta.noise.uncompressed) : '–';
        const dc = delta ? deltaText(delta.compressed, base.size.compressed, delta.noise.compressed) : '–';
        rows.push(`| **change** | ${du} | ${dc} |`);
    }
    if (report.budget.limit !== null) {
        const cells = report.budget.metric === 'compressed' ? `| | ${formatSize(report.budget.limit)} |` : `| ${formatSize(report.budget.limit)} | |`;
        rows.push(`| budget ${cells}`);
    }
    const compressedNote = report.size.compressedSource === 'gzip-estimate' ? ' (gzip estimate)' : '';
    return [`| | uncompressed | compressed${compressedNote} |`, '|:--|--:|--:|', ...rows, ''];
}
/** The changed layers from the comparison stage's diff, in the shape the table shows. */
function fromLayerDiff(entries, head, metric) {
    const shown = [];
    for (const entry of entries) {
        if (entry.change === 'unchanged' || entry.noise)
            continue;
        const side = entry.head ?? entry.base;
        if (!side)
            continue;
        const full = entry.head ? head.find((l) => l.index === entry.head?.index) : undefined;
        const layer = full ?? { ...side, dockerfileLine: null, uncompressed: side.uncompressed };
        shown.push({ kind: entry.change, layer, delta: layerChangeBytes(entry.delta, metric) });
    }
    return shown.sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta));
}
/** `linked`: false for a removed layer, whose line is in the base commit's Dockerfile, not the head's. */
function instructionCell(layer, target, linked = true) {
    const where = layer.fromBaseImage ? 'base image' : linked ? dockerfileLink(target, layer.dockerfileLine) : '';
    const instruction = layer.instruction?.trim() ? inlineCode(layer.instruction, 90) : layer.fromBaseImage ? 'base image layer' : '(no instruction recorded)';
    return `${instruction}${where && !(layer.fromBaseImage && !layer.instruction?.trim()) ? ` · ${where}` : ''}`;
}
function renderLayers(report, limits, target) {
    if (limits.layers === 0 || report.layers.length === 0)
        return [];
    const lines = [];
    const platformNote = report.platforms && report.platforms.length > 1 ? ` (${inlineCode(report.image.platform, 40)})` : '';
    if (report.baseline.source !== 'none' && report.layerDiff) {
        const changes = fromLayerDiff(report.layerDiff.entries, report.layers, report.layerDiff.metric);
        if (changes.length > 0) {
            const mark = { added: '🆕 added', removed: '➖ removed', grown: '📈 grown', shrunk: '📉 shrunk' };
            const rows = changes
                .slice(0, limits.layers)
                .map((c) => `| ${mark[c.kind]} | ${instructionCell(c.layer, target, c.kind !== 'removed')} | ${c.kind === 'removed' ? '–' : size(c.layer.uncompressed)} | ${formatDelta(c.delta)} |`);
            if (changes.length > rows.length)
                rows.push(`| ${more(changes.length - rows.length, 'changed layer')} | | | |`);
            lines.push(`#### Layers that changed${platformNote}`, '', '| | instruction | size | change |', '|:--|:--|--:|--:|', ...rows, '');
        }
    }
    const largest = [...report.layers].sort((a, b) => b.uncompressed - a.uncompressed).filter((l) => l.uncompressed > 0);
    if (largest.length > 0) {
        const rows = largest.slice(0, limits.layers).map((l) => `| ${isCount(l.index) ? l.index : '?'} | ${instructionCell(l, target)} | ${size(l.uncompressed)} | ${size(l.compressed)} |`);
        const rest = largest.slice(limits.layers);
        if (rest.length > 0) {
            const restBytes = rest.reduce((sum, l) => sum + l.uncompressed, 0);
            rows.push(`| | ${more(rest.length, 'layer')} | ${formatSize(restBytes)} | |`);
        }
        const emptyLayers = report.layers.length - largest.length;
        const caption = emptyLayers > 0 ? ` (${emptyLayers} empty layer${emptyLayers === 1 ? '' : 's'} not shown)` : '';
        lines.push(`<details><summary><b>Largest layers</b>${platformNote ? ` (${htmlCode(report.image.platform, 40)})` : ''}: ${report.layers.length} layer${report.layers.length === 1 ? '' : 's'}${caption}</summary>`, '', '| # | instruction | size | compressed |', '|--:|:--|--:|--:|', ...rows, '', '</details>', '');
    }
    return lines;
}
function renderWastedAndBinaries(report, limits) {
    const lines = [];
    const wasted = report.wasted;
    if (wasted && wasted.bytes > 0 && limits.details) {
        const rows = [...wasted.files]
            .sort((a, b) => b.bytes - a.bytes)
            .slice(0, limits.files)
            .map((f) => `| ${inlineCode(f.path, 90)} | ${formatSize(f.bytes)} | ${(Array.isArray(f.layers) ? f.layers : []).filter(isCount).join(', ')} |`);
        if (wasted.files.length > rows.length)
            rows.push(`| ${more(wasted.files.length - rows.length, 'file')} | | |`);
        lines.push(`<details><summary><b>${formatSize(wasted.bytes)} wasted</b>: files that a later layer overwrites or deletes still ship in the earlier one</summary>`, '', ...(rows.length > 0 ? ['| file | wasted | layers |', '|:--|--:|:--|', ...rows] : []), '', '</details>', '');
    }
    if (report.goBinaries.length > 0 && limits.details) {
        // A golang base image ships the toolchain's own Go binaries; the program is what the reader cares about.
        const toolchain = report.goBinaries.filter((b) => sections_TOOLCHAIN_PATH.test(b.path));
        const programs = report.goBinaries.filter((b) => !sections_TOOLCHAIN_PATH.test(b.path)).sort((a, b) => b.bytes - a.bytes);
        const facts = programs.slice(0, Math.max(1, Math.min(limits.files, 3))).map((b) => {
            const traits = [
                b.goVersion ? inlineCode(b.goVersion, 30) : null,
                b.static ? 'static' : '**dynamically linked**',
                b.stripped ? 'stripped' : '**not stripped**',
                b.cgo === true ? 'cgo on' : b.cgo === false ? 'cgo off' : null,
                b.trimpath === false ? 'no `-trimpath`' : null
            ].filter(Boolean);
            return `- Go binary ${inlineCode(b.path, 80)}: ${formatSize(b.bytes)} · ${traits.join(' · ')}`;
        });
        if (programs.length > facts.length)
            facts.push(`- ${more(programs.length - facts.length, 'Go binary', 'Go binaries')}`);
        if (toolchain.length > 0) {
            const bytes = toolchain.reduce((sum, b) => sum + b.bytes, 0);
            facts.push(`- plus the Go toolchain's own ${toolchain.length} binar${toolchain.length === 1 ? 'y' : 'ies'} (${formatSize(bytes)}), which a final stage does not need`);
        }
        lines.push(...facts, '');
    }
    return lines;
}
const sections_TOOLCHAIN_PATH = /^\/?(usr\/local\/go|usr\/lib\/go(-[\d.]+)?|go\/pkg\/tool)\//;
const SEVERITY_ICON = { error: '❌', warning: '⚠️', info: 'ℹ️' };
function renderFindings(findings, limits, target) {
    if (findings.length === 0 || limits.findings === 0)
        return [];
    const rank = { error: 0, warning: 1, info: 2 };
    const sorted = [...findings].sort((a, b) => (b.estimatedSavings ?? -1) - (a.estimatedSavings ?? -1) || rank[a.severity] - rank[b.severity]);
    const rows = sorted.slice(0, limits.findings).map((f) => {
        const savings = f.estimatedSavings ? `−${formatSize(f.estimatedSavings)}` : '';
        const where = dockerfileLink(target, f.line, f.file);
        const fix = f.fix ? `<br>${inlineCode(f.fix.split('\n').find((l) => l.trim()) ?? '', 100)}` : '';
        return `| ${SEVERITY_ICON[f.severity]} ${inlineCode(f.rule, 20)} | ${escapeTextWithCode(f.message, 240)}${where ? ` (${where})` : ''}${fix} | ${savings} |`;
    });
    if (sorted.length > rows.length)
        rows.push(`| | ${more(sorted.length - rows.length, 'finding')} | |`);
    return ['#### What to change', '', '| rule | finding | saves |', '|:--|:--|--:|', ...rows, ''];
}
function renderSuggestion(report, limits) {
    const suggestion = report.suggestion;
    if (!suggestion || !limits.suggestion)
        return [];
    const current = report.size.uncompressed;
    let claim;
    if (suggestion.verified && suggestion.size) {
        const saved = current - suggestion.size.uncompressed;
        claim =
            `built and measured${suggestion.proof?.start ? ', and it starts' : ''}: <b>${formatSize(suggestion.size.uncompressed)}</b>` +
                (saved > 0 ? `, ${formatSize(saved)} smaller (${percentText(-(saved / current) * 100)})` : '') +
                (suggestion.verifiedAt && suggestion.verifiedAt !== report.image.commit ? `; verified at ${htmlCode(numbers_short(suggestion.verifiedAt) ?? '', 12)}` : '');
    }
    else if (suggestion.error) {
        claim = `not verified (${htmlText(suggestion.error, 160)})`;
    }
    else
        claim = suggestion.verifyReason ? `not built (${htmlText(suggestion.verifyReason, 120)})` : 'not built';
    if (suggestion.base)
        claim = `on ${htmlCode(suggestion.base, 60)}, ${claim}`;
    const dockerfile = suggestion.dockerfile.length > 20000 ? suggestion.dockerfile.slice(0, 20000) + '\n# …truncated' : suggestion.dockerfile;
    // What "verified" rests on, one line a check.
    const proof = suggestion.proof
        ? [
            ...suggestion.proof.checks.filter((c) => c.required || !c.ok).map((c) => `${c.ok ? '✅' : c.required ? '❌' : '⚠️'} ${escapeTextWithCode(c.detail, 200)}`),
            ...(suggestion.proof.start
                ? [
                    `${suggestion.proof.start.ok ? '✅' : '❌'} started offline (\`docker run --network none\`${suggestion.proof.start.readOnly ? ', read-only' : ''}): ${escapeTextWithCode(suggestion.proof.start.detail, 200)}`
                ]
                : [])
        ].map((l) => `- ${l}`)
        : [];
    return [`<details><summary>💡 <b>Suggested Dockerfile</b>: ${claim}</summary>`, '', codeBlock(dockerfile, 'dockerfile'), '', ...(proof.length > 0 ? [...proof, ''] : []), '</details>', ''];
}
/** The trend's base point is labelled 'base'; readers know it by its branch name. */
function nameBasePoint(history, baseRef) {
    return history.map((p) => (p.label === 'base' && baseRef ? { ...p, label: baseRef } : p));
}
function renderTrend(trend, report, limits) {
    const history = nameBasePoint(trend, numbers_baselineName(report.baseline.ref));
    if (history.length < 2 || limits.history === 0)
        return [];
    const metric = report.budget.metric;
    const lines = ['#### Trend', ''];
    const chart = limits.trendChart ? trendChart(history, metric, report.budget.limit) : null;
    if (chart)
        lines.push('```mermaid', chart, '```', '');
    const shown = history.slice(-limits.history);
    const rows = shown.map((p, i) => {
        const previous = i > 0 ? shown[i - 1] : history[history.length - shown.length - 1];
        const now = p[metric] ?? null;
        const before = previous ? (previous[metric] ?? null) : null;
        const change = now !== null && before !== null ? deltaText(now - before, before, false) : '';
        const name = p.label ? `${inlineCode(p.label, 40)} (${inlineCode(numbers_short(p.commit) ?? '')})` : inlineCode(numbers_short(p.commit) ?? '');
        return `| ${name} | ${size(p.uncompressed)} | ${size(p.compressed)} | ${change} |`;
    });
    const hidden = history.length - shown.length;
    lines.push(`<details><summary>${history.length} measurements${hidden > 0 ? ` (last ${shown.length} shown)` : ''}, from ${htmlCode(pointName(history[0]), 40)} to ${htmlCode(pointName(history[history.length - 1]), 40)}</summary>`, '', '| push | uncompressed | compressed | change |', '|:--|--:|--:|--:|', ...rows, '', '</details>', '');
    return lines;
}

;// CONCATENATED MODULE: ./src/report/markdown.ts
// The pull-request comment (and job summary): a pure rendering of a Report.
// Verdict first, then the numbers, then the detail a reader opens on demand.
// Everything from the image or the repository is untrusted and goes through
// escape.ts; the result always fits GitHub's 65,536-character comment limit.







const GITHUB_COMMENT_LIMIT = 65536;
function headlineFacts(report) {
    const metric = report.budget.metric;
    const candidates = report.platforms && report.platforms.length > 1 ? report.platforms : null;
    const rank = { fail: 2, warn: 1, pass: 0 };
    const worst = candidates ? [...candidates].sort((a, b) => rank[b.status] - rank[a.status] || b.size.uncompressed - a.size.uncompressed)[0] : null;
    const source = worst ?? report;
    const measured = inMetric(source.size, metric);
    const useMetric = measured === null ? 'uncompressed' : metric;
    const value = inMetric(source.size, useMetric);
    const deltaIn = (m) => ({
        base: inMetric(source.baseline.size, m),
        delta: source.delta ? inMetric(source.delta, m) : null,
        noise: source.delta ? source.delta.noise[m] : false
    });
    const other = useMetric === 'uncompressed' ? 'compressed' : 'uncompressed';
    const preferred = deltaIn(useMetric);
    const deltaMetric = preferred.delta === null && deltaIn(other).delta !== null ? other : useMetric;
    const { base, delta, noise } = deltaMetric === useMetric ? preferred : deltaIn(other);
    return { platform: worst, status: report.status, metric: useMetric, value, base, delta, noise, deltaMetric };
}
function renderHeadline(report, opts) {
    const facts = headlineFacts(report);
    const key = opts.commentKey?.trim() ? `${escapeText(opts.commentKey, 60)}: ` : '';
    const parts = [`**${size(facts.value)}**`];
    const limit = report.budget.limit;
    if (limit !== null)
        parts[0] += ` of ${formatSize(limit)} budget`;
    if (facts.delta !== null && report.baseline.source !== 'none') {
        const name = numbers_baselineName(report.baseline.ref);
        const against = name ? inlineCode(name, 60) : 'the baseline';
        const which = facts.deltaMetric !== facts.metric ? ` ${facts.deltaMetric}` : '';
        parts.push(`${deltaText(facts.delta, facts.base, facts.noise, false)}${which} vs ${against}`);
    }
    const where = facts.platform ? ` (${inlineCode(facts.platform.platform, 40)})` : '';
    const lines = [`### ${STATUS_ICON[facts.status]} ${key}${parts.join(', ')}${where}`, ''];
    const verdict = [];
    const metricWord = facts.metric === 'compressed' ? 'compressed' : 'uncompressed';
    if (report.budget.reason)
        verdict.push(escapeText(report.budget.reason, 300));
    else if (limit !== null && facts.value !== null) {
        const over = facts.value - limit;
        if (over > 0)
            verdict.push(`Over budget by **${formatSize(over)}** (${metricWord}).`);
        else if (report.status === 'warn')
            verdict.push(`Within budget (${formatSize(-over)} left) but past the warning threshold.`);
        else
            verdict.push(`Within budget, ${formatSize(-over)} left (${metricWord}).`);
    }
    const previous = opts.previous;
    if (previous && previous.status === 'fail' && report.status !== 'fail') {
        verdict.push(`🎉 **Back under budget**: was ${formatSize(previous.size)}${previous.commit ? ` at ${inlineCode(numbers_short(previous.commit) ?? '')}` : ''}.`);
    }
    else if (previous && previous.status !== 'fail' && report.status === 'fail') {
        verdict.push(`Was within budget at ${previous.commit ? inlineCode(numbers_short(previous.commit) ?? '') : 'the previous push'} (${formatSize(previous.size)}).`);
    }
    if (report.baseline.error)
        verdict.push(`No baseline: ${escapeText(report.baseline.error, 300)}`);
    if (verdict.length)
        lines.push(verdict.join(' '), '');
    const image = report.image;
    const identity = [
        image.dockerfile ? inlineCode(image.dockerfile, 100) : image.ref ? inlineCode(image.ref, 100) : null,
        image.target ? `target ${inlineCode(image.target, 40)}` : null,
        report.platforms && report.platforms.length > 1 ? `${report.platforms.length} platforms` : inlineCode(image.platform, 40),
        image.commit ? `at ${inlineCode(numbers_short(image.commit) ?? '')}` : null
    ].filter(Boolean);
    lines.push(`<sub>${identity.join(' · ')}</sub>`, '');
    return lines;
}
/** `dockerfile-only`: nothing was built, so no sizes; the findings are the whole story. */
function renderDockerfileOnly(report, opts, limits, target) {
    const key = opts.commentKey?.trim() ? `${escapeText(opts.commentKey, 60)}: ` : '';
    const count = report.findings.length;
    const lines = [
        `### ${STATUS_ICON[report.status]} ${key}Dockerfile check: ${count === 0 ? 'no findings' : `${count} finding${count === 1 ? '' : 's'}`} (no image built)`,
        '',
        `<sub>${report.image.dockerfile ? inlineCode(report.image.dockerfile, 100) : 'Dockerfile'}${report.image.commit ? ` · at ${inlineCode(numbers_short(report.image.commit) ?? '')}` : ''}</sub>`,
        '',
        ...renderFindings(report.findings, limits, target),
        ...renderSuggestion(report, limits)
    ];
    const skipped = report.skippedRules ?? [];
    if (skipped.length > 0) {
        lines.push(`<sub>Not checked without a build: ${skipped.map((r) => inlineCode(r.rule, 20)).join(', ')}.</sub>`, '');
    }
    return lines;
}
function renderOnce(report, opts, limits) {
    const target = {
        repoUrl: opts.repoUrl ?? null,
        commit: opts.commit ?? report.image.commit,
        dockerfile: report.image.dockerfile
    };
    const parts = report.mode === 'dockerfile-only'
        ? renderDockerfileOnly(report, opts, limits, target)
        : [
            ...renderHeadline(report, opts),
            ...renderSizeTable(report, limits),
            ...renderFindings(report.findings, limits, target),
            ...renderSuggestion(report, limits),
            ...renderLayers(report, limits, target),
            ...renderWastedAndBinaries(report, limits),
            ...renderTrend(report.history, report, limits)
        ];
    if (!limits.details)
        parts.push("<sub>Details were left out to fit GitHub's comment size limit; the job summary and the report output have them.</sub>", '');
    parts.push(`<sub>${escapeText(report.tool.name)} ${escapeText(report.tool.version)}</sub>`);
    if (opts.embed !== false) {
        const facts = headlineFacts(report);
        const carried = carriedFrom(report.suggestion, report.image.commit);
        const state = {
            v: 1,
            key: opts.commentKey ?? '',
            commit: report.image.commit,
            order: opts.order ?? null,
            status: report.status,
            metric: facts.metric,
            size: facts.value ?? report.size.uncompressed,
            history: report.history.slice(-limits.embedHistory),
            ...(carried ? { proof: carried } : {})
        };
        parts.push('', commentMarker(opts.commentKey ?? ''), embedState(state));
    }
    return parts.join('\n') + '\n';
}
/** The comment body: the most detail that fits in `maxLength` (GitHub's limit by default). */
function renderMarkdown(report, opts = {}) {
    const maxLength = opts.maxLength ?? GITHUB_COMMENT_LIMIT;
    let body = '';
    for (const limits of LIMIT_LADDER) {
        body = renderOnce(report, opts, limits);
        if (body.length <= maxLength)
            return body;
    }
    return body;
}

;// CONCATENATED MODULE: ./src/report/set.ts
const STATUS_RANK = { fail: 2, warn: 1, pass: 0 };
/** The worst verdict of a set: one failing image fails the set. */
function set_worstStatus(statuses) {
    return statuses.reduce((worst, s) => (STATUS_RANK[s] > STATUS_RANK[worst] ? s : worst), 'pass');
}
/**
 * An image's name: the report's own (its `comment-key`, or its bake target),
 * else its Dockerfile, target and platform ("services/api/Dockerfile · final ·
 * linux/amd64"), else the image reference or id.
 */
function imageName(report) {
    if (typeof report.name === 'string' && report.name.trim() !== '')
        return report.name.trim();
    const image = report.image;
    const what = image.dockerfile ?? image.ref ?? (typeof image.id === 'string' ? image.id.slice(0, 19) : 'image');
    return [what, image.target, image.platform].filter((part) => typeof part === 'string' && part !== '').join(' · ');
}
/**
 * Names every report, each name once: a second image of the same name (two
 * matrix jobs without a comment-key that build one Dockerfile with different
 * arguments) becomes "name (2)". The trend of each image is kept under its name.
 */
function nameReports(reports) {
    const taken = new Set();
    return reports.map((report) => {
        const base = imageName(report);
        let name = base;
        for (let n = 2; taken.has(name); n++)
            name = `${base} (${n})`;
        taken.add(name);
        return { name, report };
    });
}
/** The overview's order: the worst verdict first, then by name. */
function overviewOrder(images) {
    return [...images].sort((a, b) => STATUS_RANK[b.report.status] - STATUS_RANK[a.report.status] || a.name.localeCompare(b.name, 'en'));
}
/** The commit every report was measured at, or null when they differ or none says. */
function commonCommit(reports) {
    const commits = new Set(reports.map((r) => r.image.commit));
    const [only] = [...commits];
    return commits.size === 1 && typeof only === 'string' ? only : null;
}

;// CONCATENATED MODULE: ./src/report/combined.ts
// The comment for several images (a matrix's reports, or a bake file's
// targets): a pure rendering of the reports. It opens with the worst verdict
// and an overview table, a row per image, then each image's details in its own
// collapsed section. Numbers are read from the reports as the budget stage
// wrote them (delta, percent, "unchanged"): nothing is recomputed here. It
// fits GitHub's comment limit: detail is trimmed first, then whole detail
// sections are dropped, largest first, and the comment says which; the table
// always stays.







/** The hidden trend block may take this much of the comment; older pushes go first beyond it. */
const STATE_BUDGET = 20_000;
const VERB = { fail: 'failed', warn: 'warned', pass: 'passed' };
const isNumber = (value) => typeof value === 'number' && Number.isFinite(value);
/** The size the verdict is about (the budget metric; uncompressed when that is missing). */
function verdictSize(report) {
    return inMetric(report.size, report.budget.metric) ?? report.size.uncompressed;
}
/** The change against the base, as the budget stage recorded it. */
function changeText(report) {
    if (report.baseline.error)
        return 'no baseline';
    const delta = report.delta;
    if (report.baseline.source === 'none' || !delta)
        return '–';
    const metric = delta.metric ?? report.budget.metric;
    const bytes = delta[metric];
    if (!isNumber(bytes))
        return '–';
    if (bytes === 0)
        return 'unchanged';
    if (delta.unchanged)
        return `unchanged (${formatDelta(bytes)})`;
    const percent = isNumber(delta.percent) ? delta.percent : null;
    const icon = deltaIcon(percent, bytes);
    const which = metric !== report.budget.metric ? ` ${metric}` : '';
    return `${icon ? `${icon} ` : ''}${formatDelta(bytes)}${percent === null ? '' : ` (${percentText(percent)})`}${which}`;
}
function budgetText(report) {
    const limit = report.budget.limit;
    if (!isNumber(limit))
        return '–';
    return `${formatSize(limit)}${report.budget.metric === 'compressed' ? ' compressed' : ''}`;
}
/** "✅ (was ❌)" when the verdict changed since the previous comment. */
function verdictCell(report, before) {
    const icon = STATUS_ICON[report.status];
    return before && before.status !== report.status ? `${icon} (was ${STATUS_ICON[before.status]})` : icon;
}
function renderHead(images, opts) {
    const worst = set_worstStatus(images.map((i) => i.report.status));
    const key = opts.commentKey?.trim() ? `${escapeText(opts.commentKey, 60)}: ` : '';
    const counts = ['fail', 'warn', 'pass'].map((s) => [s, images.filter((i) => i.report.status === s).length]).filter(([, n]) => n > 0);
    const tally = counts.length === 1 ? `all ${VERB[counts[0][0]]}` : counts.map(([s, n]) => `${n} ${VERB[s]}`).join(', ');
    const lines = [`### ${STATUS_ICON[worst]} ${key}${images.length} image${images.length === 1 ? '' : 's'}: ${tally}`, ''];
    // Why the worst ones are flagged, in the budget stage's words.
    const flagged = images.filter((i) => i.report.status !== 'pass' && i.report.budget.reason);
    const reasons = flagged.slice(0, 5).map((i) => `- ${STATUS_ICON[i.report.status]} ${inlineCode(i.name, 60)}: ${escapeText(i.report.budget.reason ?? '', 240)}`);
    if (flagged.length > reasons.length)
        reasons.push(`- ${more(flagged.length - reasons.length, 'image')}`);
    if (reasons.length > 0)
        lines.push(...reasons, '');
    const commit = numbers_short(commonCommit(images.map((i) => i.report)));
    if (commit)
        lines.push(`<sub>at ${inlineCode(commit)}</sub>`, '');
    return lines;
}
/** The overview: every image, always; only an absurd number of rows is cut, to keep the comment postable. */
function renderTable(images, previous, rowLimit) {
    const bases = new Set(images.filter((i) => i.report.baseline.source !== 'none' && !i.report.baseline.error).map((i) => numbers_baselineName(i.report.baseline.ref) ?? ''));
    const [onlyBase] = [...bases];
    const against = bases.size === 1 && onlyBase ? `vs ${inlineCode(onlyBase, 40)}` : 'change';
    const rows = images
        .slice(0, rowLimit)
        .map(({ name, report }) => `| ${verdictCell(report, previous.get(name))} | ${inlineCode(name, 80)} | ${size(report.size.uncompressed)} | ${size(report.size.compressed)} | ${changeText(report)} | ${budgetText(report)} |`);
    if (images.length > rows.length)
        rows.push(`| | ${more(images.length - rows.length, 'image')} | | | | |`);
    return [`| | image | uncompressed | compressed | ${against} | budget |`, '|:--|:--|--:|--:|--:|--:|', ...rows, ''];
}
/** One image's details, collapsed: the sections of the single-image comment. */
function renderDetail({ name, report }, opts, limits) {
    const target = { repoUrl: opts.repoUrl ?? null, commit: opts.commit ?? report.image.commit, dockerfile: report.image.dockerfile };
    const limit = report.budget.limit;
    const change = changeText(report);
    const headline = `${htmlText(formatSize(verdictSize(report)), 20)}${isNumber(limit) ? ` of ${formatSize(limit)} budget` : ''}${change !== '–' ? `, ${htmlText(change, 60)}` : ''}`;
    const notes = [report.budget.reason ? escapeText(report.budget.reason, 300) : null, report.baseline.error ? `No baseline: ${escapeText(report.baseline.error, 300)}` : null].filter(Boolean);
    const image = report.image;
    const identity = [
        image.dockerfile ? inlineCode(image.dockerfile, 100) : image.ref ? inlineCode(image.ref, 100) : null,
        image.bakeTarget ? `bake target ${inlineCode(image.bakeTarget, 40)}` : null,
        image.target ? `target ${inlineCode(image.target, 40)}` : null,
        image.platform ? inlineCode(image.platform, 40) : null,
        image.commit ? `at ${inlineCode(numbers_short(image.commit) ?? '')}` : null
    ].filter(Boolean);
    const body = [
        `<details><summary>${STATUS_ICON[report.status]} <b>${htmlText(name, 80)}</b>: ${headline}</summary>`,
        '',
        ...(notes.length > 0 ? [notes.join(' '), ''] : []),
        `<sub>${identity.join(' · ')}</sub>`,
        '',
        ...(report.mode === 'dockerfile-only' ? [] : renderSizeTable(report, limits)),
        ...renderFindings(report.findings, limits, target),
        ...renderSuggestion(report, limits),
        ...renderLayers(report, limits, target),
        ...renderWastedAndBinaries(report, limits),
        ...renderTrend(report.history, report, limits),
        '</details>',
        ''
    ];
    return body.join('\n');
}
/** The base point and the last `pushes` pushes of a trend. */
function lastPushes(history, pushes) {
    const base = history.filter((p) => p.label === 'base');
    return [...base.slice(0, 1), ...history.filter((p) => p.label !== 'base').slice(-pushes)];
}
/** The hidden block: each image's verdict, size and trend, as long a trend as fits its share. */
function stateBlock(images, opts, pushes) {
    const reports = images.map((i) => i.report);
    const state = (keep) => ({
        v: 1,
        key: opts.commentKey ?? '',
        commit: commonCommit(reports),
        order: opts.order ?? null,
        status: set_worstStatus(reports.map((r) => r.status)),
        metric: 'uncompressed',
        size: 0,
        history: [],
        images: images.map(({ name, report }) => ({ name, status: report.status, metric: report.budget.metric, size: verdictSize(report), history: lastPushes(report.history, keep) }))
    });
    let keep = pushes;
    let block = embedState(state(keep));
    while (block.length > STATE_BUDGET && keep > 1) {
        keep = Math.floor(keep / 2);
        block = embedState(state(keep));
    }
    return block;
}
/** The comment body for several images: as much detail as fits in `maxLength`. */
function renderCombined(input, opts = {}) {
    const maxLength = opts.maxLength ?? GITHUB_COMMENT_LIMIT;
    const images = overviewOrder(input);
    const previous = new Map((opts.previous?.images ?? []).map((i) => [i.name, i]));
    const head = renderHead(images, opts).join('\n');
    const tool = `<sub>${escapeText(images[0]?.report.tool.name ?? '')} ${escapeText(images[0]?.report.tool.version ?? '')}</sub>`;
    const hidden = (limits) => (opts.embed === false ? '' : `\n\n${commentMarker(opts.commentKey ?? '')}\n${stateBlock(images, opts, limits.embedHistory)}`);
    const assemble = (table, details, limits) => {
        const dropped = images.filter((_, i) => details[i] === null).map((i) => i.name);
        const note = dropped.length > 0
            ? [
                `<sub>Details of ${dropped.length} image${dropped.length === 1 ? '' : 's'} (${dropped
                    .slice(0, 10)
                    .map((n) => inlineCode(n, 40))
                    .join(', ')}${dropped.length > 10 ? ', …' : ''}) were left out to fit GitHub's comment size limit, the largest first; the job summary and the reports have them.</sub>`,
                ''
            ]
            : [];
        return [head, ...table, ...details.filter((d) => d !== null), ...note, tool].join('\n') + hidden(limits) + '\n';
    };
    const ladder = LIMIT_LADDER.filter((l) => l.details);
    const compact = ladder[ladder.length - 1];
    let table = renderTable(images, previous, images.length);
    for (const limits of ladder) {
        const body = assemble(table, images.map((i) => renderDetail(i, opts, limits)), limits);
        if (body.length <= maxLength)
            return body;
    }
    // Still too long at the most compact detail: drop whole sections, the largest first.
    const details = images.map((i) => renderDetail(i, opts, compact));
    const bySize = details.map((d, i) => ({ i, length: d?.length ?? 0 })).sort((a, b) => b.length - a.length || a.i - b.i);
    let body = assemble(table, details, compact);
    for (const { i } of bySize) {
        if (body.length <= maxLength)
            return body;
        details[i] = null;
        body = assemble(table, details, compact);
    }
    // Only the table is left: a row count no pull request has; cut rows rather than fail to post.
    for (let rows = images.length - 1; body.length > maxLength && rows > 0; rows = Math.floor(rows * 0.9)) {
        table = renderTable(images, previous, rows);
        body = assemble(table, details, compact);
    }
    return body;
}

;// CONCATENATED MODULE: external "fs"
const external_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");
var external_fs_namespaceObject_0 = /*#__PURE__*/__nccwpck_require__.t(external_fs_namespaceObject, 2);
;// CONCATENATED MODULE: external "path"
const external_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");
;// CONCATENATED MODULE: external "url"
const external_url_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("url");
;// CONCATENATED MODULE: external "module"
const external_module_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("module");
;// CONCATENATED MODULE: ./node_modules/fdir/dist/index.mjs




//#region rolldown:runtime
var __require = /* @__PURE__ */ (0,external_module_namespaceObject.createRequire)(import.meta.url);

//#endregion
//#region src/utils.ts
function cleanPath(path) {
	let normalized = (0,external_path_namespaceObject.normalize)(path);
	if (normalized.length > 1 && normalized[normalized.length - 1] === external_path_namespaceObject.sep) normalized = normalized.substring(0, normalized.length - 1);
	return normalized;
}
const SLASHES_REGEX = /[\\/]/g;
function convertSlashes(path, separator) {
	return path.replace(SLASHES_REGEX, separator);
}
const WINDOWS_ROOT_DIR_REGEX = /^[a-z]:[\\/]$/i;
function isRootDirectory(path) {
	return path === "/" || WINDOWS_ROOT_DIR_REGEX.test(path);
}
function normalizePath(path, options) {
	const { resolvePaths, normalizePath: normalizePath$1, pathSeparator } = options;
	const pathNeedsCleaning = process.platform === "win32" && path.includes("/") || path.startsWith(".");
	if (resolvePaths) path = (0,external_path_namespaceObject.resolve)(path);
	if (normalizePath$1 || pathNeedsCleaning) path = cleanPath(path);
	if (path === ".") return "";
	const needsSeperator = path[path.length - 1] !== pathSeparator;
	return convertSlashes(needsSeperator ? path + pathSeparator : path, pathSeparator);
}

//#endregion
//#region src/api/functions/join-path.ts
function joinPathWithBasePath(filename, directoryPath) {
	return directoryPath + filename;
}
function joinPathWithRelativePath(root, options) {
	return function(filename, directoryPath) {
		const sameRoot = directoryPath.startsWith(root);
		if (sameRoot) return directoryPath.slice(root.length) + filename;
		else return convertSlashes((0,external_path_namespaceObject.relative)(root, directoryPath), options.pathSeparator) + options.pathSeparator + filename;
	};
}
function joinPath(filename) {
	return filename;
}
function joinDirectoryPath(filename, directoryPath, separator) {
	return directoryPath + filename + separator;
}
function build$7(root, options) {
	const { relativePaths, includeBasePath } = options;
	return relativePaths && root ? joinPathWithRelativePath(root, options) : includeBasePath ? joinPathWithBasePath : joinPath;
}

//#endregion
//#region src/api/functions/push-directory.ts
function pushDirectoryWithRelativePath(root) {
	return function(directoryPath, paths) {
		paths.push(directoryPath.substring(root.length) || ".");
	};
}
function pushDirectoryFilterWithRelativePath(root) {
	return function(directoryPath, paths, filters) {
		const relativePath = directoryPath.substring(root.length) || ".";
		if (filters.every((filter) => filter(relativePath, true))) paths.push(relativePath);
	};
}
const pushDirectory = (directoryPath, paths) => {
	paths.push(directoryPath || ".");
};
const pushDirectoryFilter = (directoryPath, paths, filters) => {
	const path = directoryPath || ".";
	if (filters.every((filter) => filter(path, true))) paths.push(path);
};
const empty$2 = () => {};
function build$6(root, options) {
	const { includeDirs, filters, relativePaths } = options;
	if (!includeDirs) return empty$2;
	if (relativePaths) return filters && filters.length ? pushDirectoryFilterWithRelativePath(root) : pushDirectoryWithRelativePath(root);
	return filters && filters.length ? pushDirectoryFilter : pushDirectory;
}

//#endregion
//#region src/api/functions/push-file.ts
const pushFileFilterAndCount = (filename, _paths, counts, filters) => {
	if (filters.every((filter) => filter(filename, false))) counts.files++;
};
const pushFileFilter = (filename, paths, _counts, filters) => {
	if (filters.every((filter) => filter(filename, false))) paths.push(filename);
};
const pushFileCount = (_filename, _paths, counts, _filters) => {
	counts.files++;
};
const pushFile = (filename, paths) => {
	paths.push(filename);
};
const empty$1 = () => {};
function build$5(options) {
	const { excludeFiles, filters, onlyCounts } = options;
	if (excludeFiles) return empty$1;
	if (filters && filters.length) return onlyCounts ? pushFileFilterAndCount : pushFileFilter;
	else if (onlyCounts) return pushFileCount;
	else return pushFile;
}

//#endregion
//#region src/api/functions/get-array.ts
const getArray = (paths) => {
	return paths;
};
const getArrayGroup = () => {
	return [""].slice(0, 0);
};
function build$4(options) {
	return options.group ? getArrayGroup : getArray;
}

//#endregion
//#region src/api/functions/group-files.ts
const groupFiles = (groups, directory, files) => {
	groups.push({
		directory,
		files,
		dir: directory
	});
};
const empty = () => {};
function build$3(options) {
	return options.group ? groupFiles : empty;
}

//#endregion
//#region src/api/functions/resolve-symlink.ts
const resolveSymlinksAsync = function(path, state, callback$1) {
	const { queue, fs, options: { suppressErrors } } = state;
	queue.enqueue();
	fs.realpath(path, (error, resolvedPath) => {
		if (error) return queue.dequeue(suppressErrors ? null : error, state);
		fs.stat(resolvedPath, (error$1, stat) => {
			if (error$1) return queue.dequeue(suppressErrors ? null : error$1, state);
			if (stat.isDirectory() && isRecursive(path, resolvedPath, state)) return queue.dequeue(null, state);
			callback$1(stat, resolvedPath);
			queue.dequeue(null, state);
		});
	});
};
const resolveSymlinks = function(path, state, callback$1) {
	const { queue, fs, options: { suppressErrors } } = state;
	queue.enqueue();
	try {
		const resolvedPath = fs.realpathSync(path);
		const stat = fs.statSync(resolvedPath);
		if (stat.isDirectory() && isRecursive(path, resolvedPath, state)) return;
		callback$1(stat, resolvedPath);
	} catch (e) {
		if (!suppressErrors) throw e;
	}
};
function build$2(options, isSynchronous) {
	if (!options.resolveSymlinks || options.excludeSymlinks) return null;
	return isSynchronous ? resolveSymlinks : resolveSymlinksAsync;
}
function isRecursive(path, resolved, state) {
	if (state.options.useRealPaths) return isRecursiveUsingRealPaths(resolved, state);
	let parent = (0,external_path_namespaceObject.dirname)(path);
	let depth = 1;
	while (parent !== state.root && depth < 2) {
		const resolvedPath = state.symlinks.get(parent);
		const isSameRoot = !!resolvedPath && (resolvedPath === resolved || resolvedPath.startsWith(resolved) || resolved.startsWith(resolvedPath));
		if (isSameRoot) depth++;
		else parent = (0,external_path_namespaceObject.dirname)(parent);
	}
	state.symlinks.set(path, resolved);
	return depth > 1;
}
function isRecursiveUsingRealPaths(resolved, state) {
	return state.visited.includes(resolved + state.options.pathSeparator);
}

//#endregion
//#region src/api/functions/invoke-callback.ts
const onlyCountsSync = (state) => {
	return state.counts;
};
const groupsSync = (state) => {
	return state.groups;
};
const defaultSync = (state) => {
	return state.paths;
};
const limitFilesSync = (state) => {
	return state.paths.slice(0, state.options.maxFiles);
};
const onlyCountsAsync = (state, error, callback$1) => {
	report(error, callback$1, state.counts, state.options.suppressErrors);
	return null;
};
const defaultAsync = (state, error, callback$1) => {
	report(error, callback$1, state.paths, state.options.suppressErrors);
	return null;
};
const limitFilesAsync = (state, error, callback$1) => {
	report(error, callback$1, state.paths.slice(0, state.options.maxFiles), state.options.suppressErrors);
	return null;
};
const groupsAsync = (state, error, callback$1) => {
	report(error, callback$1, state.groups, state.options.suppressErrors);
	return null;
};
function report(error, callback$1, output, suppressErrors) {
	if (error && !suppressErrors) callback$1(error, output);
	else callback$1(null, output);
}
function build$1(options, isSynchronous) {
	const { onlyCounts, group, maxFiles } = options;
	if (onlyCounts) return isSynchronous ? onlyCountsSync : onlyCountsAsync;
	else if (group) return isSynchronous ? groupsSync : groupsAsync;
	else if (maxFiles) return isSynchronous ? limitFilesSync : limitFilesAsync;
	else return isSynchronous ? defaultSync : defaultAsync;
}

//#endregion
//#region src/api/functions/walk-directory.ts
const readdirOpts = { withFileTypes: true };
const walkAsync = (state, crawlPath, directoryPath, currentDepth, callback$1) => {
	state.queue.enqueue();
	if (currentDepth < 0) return state.queue.dequeue(null, state);
	const { fs } = state;
	state.visited.push(crawlPath);
	state.counts.directories++;
	fs.readdir(crawlPath || ".", readdirOpts, (error, entries = []) => {
		callback$1(entries, directoryPath, currentDepth);
		state.queue.dequeue(state.options.suppressErrors ? null : error, state);
	});
};
const walkSync = (state, crawlPath, directoryPath, currentDepth, callback$1) => {
	const { fs } = state;
	if (currentDepth < 0) return;
	state.visited.push(crawlPath);
	state.counts.directories++;
	let entries = [];
	try {
		entries = fs.readdirSync(crawlPath || ".", readdirOpts);
	} catch (e) {
		if (!state.options.suppressErrors) throw e;
	}
	callback$1(entries, directoryPath, currentDepth);
};
function build(isSynchronous) {
	return isSynchronous ? walkSync : walkAsync;
}

//#endregion
//#region src/api/queue.ts
/**
* This is a custom stateless queue to track concurrent async fs calls.
* It increments a counter whenever a call is queued and decrements it
* as soon as it completes. When the counter hits 0, it calls onQueueEmpty.
*/
var Queue = class {
	count = 0;
	constructor(onQueueEmpty) {
		this.onQueueEmpty = onQueueEmpty;
	}
	enqueue() {
		this.count++;
		return this.count;
	}
	dequeue(error, output) {
		if (this.onQueueEmpty && (--this.count <= 0 || error)) {
			this.onQueueEmpty(error, output);
			if (error) {
				output.controller.abort();
				this.onQueueEmpty = void 0;
			}
		}
	}
};

//#endregion
//#region src/api/counter.ts
var Counter = class {
	_files = 0;
	_directories = 0;
	set files(num) {
		this._files = num;
	}
	get files() {
		return this._files;
	}
	set directories(num) {
		this._directories = num;
	}
	get directories() {
		return this._directories;
	}
	/**
	* @deprecated use `directories` instead
	*/
	/* c8 ignore next 3 */
	get dirs() {
		return this._directories;
	}
};

//#endregion
//#region src/api/aborter.ts
/**
* AbortController is not supported on Node 14 so we use this until we can drop
* support for Node 14.
*/
var Aborter = class {
	aborted = false;
	abort() {
		this.aborted = true;
	}
};

//#endregion
//#region src/api/walker.ts
var Walker = class {
	root;
	isSynchronous;
	state;
	joinPath;
	pushDirectory;
	pushFile;
	getArray;
	groupFiles;
	resolveSymlink;
	walkDirectory;
	callbackInvoker;
	constructor(root, options, callback$1) {
		this.isSynchronous = !callback$1;
		this.callbackInvoker = build$1(options, this.isSynchronous);
		this.root = normalizePath(root, options);
		this.state = {
			root: isRootDirectory(this.root) ? this.root : this.root.slice(0, -1),
			paths: [""].slice(0, 0),
			groups: [],
			counts: new Counter(),
			options,
			queue: new Queue((error, state) => this.callbackInvoker(state, error, callback$1)),
			symlinks: /* @__PURE__ */ new Map(),
			visited: [""].slice(0, 0),
			controller: new Aborter(),
			fs: options.fs || external_fs_namespaceObject_0
		};
		this.joinPath = build$7(this.root, options);
		this.pushDirectory = build$6(this.root, options);
		this.pushFile = build$5(options);
		this.getArray = build$4(options);
		this.groupFiles = build$3(options);
		this.resolveSymlink = build$2(options, this.isSynchronous);
		this.walkDirectory = build(this.isSynchronous);
	}
	start() {
		this.pushDirectory(this.root, this.state.paths, this.state.options.filters);
		this.walkDirectory(this.state, this.root, this.root, this.state.options.maxDepth, this.walk);
		return this.isSynchronous ? this.callbackInvoker(this.state, null) : null;
	}
	walk = (entries, directoryPath, depth) => {
		const { paths, options: { filters, resolveSymlinks: resolveSymlinks$1, excludeSymlinks, exclude, maxFiles, signal, useRealPaths, pathSeparator }, controller } = this.state;
		if (controller.aborted || signal && signal.aborted || maxFiles && paths.length > maxFiles) return;
		const files = this.getArray(this.state.paths);
		for (let i = 0; i < entries.length; ++i) {
			const entry = entries[i];
			if (entry.isFile() || entry.isSymbolicLink() && !resolveSymlinks$1 && !excludeSymlinks) {
				const filename = this.joinPath(entry.name, directoryPath);
				this.pushFile(filename, files, this.state.counts, filters);
			} else if (entry.isDirectory()) {
				let path = joinDirectoryPath(entry.name, directoryPath, this.state.options.pathSeparator);
				if (exclude && exclude(entry.name, path)) continue;
				this.pushDirectory(path, paths, filters);
				this.walkDirectory(this.state, path, path, depth - 1, this.walk);
			} else if (this.resolveSymlink && entry.isSymbolicLink()) {
				let path = joinPathWithBasePath(entry.name, directoryPath);
				this.resolveSymlink(path, this.state, (stat, resolvedPath) => {
					if (stat.isDirectory()) {
						resolvedPath = normalizePath(resolvedPath, this.state.options);
						if (exclude && exclude(entry.name, useRealPaths ? resolvedPath : path + pathSeparator)) return;
						this.walkDirectory(this.state, resolvedPath, useRealPaths ? resolvedPath : path + pathSeparator, depth - 1, this.walk);
					} else {
						resolvedPath = useRealPaths ? resolvedPath : path;
						const filename = (0,external_path_namespaceObject.basename)(resolvedPath);
						const directoryPath$1 = normalizePath((0,external_path_namespaceObject.dirname)(resolvedPath), this.state.options);
						resolvedPath = this.joinPath(filename, directoryPath$1);
						this.pushFile(resolvedPath, files, this.state.counts, filters);
					}
				});
			}
		}
		this.groupFiles(this.state.groups, directoryPath, files);
	};
};

//#endregion
//#region src/api/async.ts
function promise(root, options) {
	return new Promise((resolve$1, reject) => {
		callback(root, options, (err, output) => {
			if (err) return reject(err);
			resolve$1(output);
		});
	});
}
function callback(root, options, callback$1) {
	let walker = new Walker(root, options, callback$1);
	walker.start();
}

//#endregion
//#region src/api/sync.ts
function sync(root, options) {
	const walker = new Walker(root, options);
	return walker.start();
}

//#endregion
//#region src/builder/api-builder.ts
var APIBuilder = class {
	constructor(root, options) {
		this.root = root;
		this.options = options;
	}
	withPromise() {
		return promise(this.root, this.options);
	}
	withCallback(cb) {
		callback(this.root, this.options, cb);
	}
	sync() {
		return sync(this.root, this.options);
	}
};

//#endregion
//#region src/builder/index.ts
let pm = null;
/* c8 ignore next 6 */
try {
	__require.resolve("picomatch");
	pm = __require("picomatch");
} catch {}
var Builder = class {
	globCache = {};
	options = {
		maxDepth: Infinity,
		suppressErrors: true,
		pathSeparator: external_path_namespaceObject.sep,
		filters: []
	};
	globFunction;
	constructor(options) {
		this.options = {
			...this.options,
			...options
		};
		this.globFunction = this.options.globFunction;
	}
	group() {
		this.options.group = true;
		return this;
	}
	withPathSeparator(separator) {
		this.options.pathSeparator = separator;
		return this;
	}
	withBasePath() {
		this.options.includeBasePath = true;
		return this;
	}
	withRelativePaths() {
		this.options.relativePaths = true;
		return this;
	}
	withDirs() {
		this.options.includeDirs = true;
		return this;
	}
	withMaxDepth(depth) {
		this.options.maxDepth = depth;
		return this;
	}
	withMaxFiles(limit) {
		this.options.maxFiles = limit;
		return this;
	}
	withFullPaths() {
		this.options.resolvePaths = true;
		this.options.includeBasePath = true;
		return this;
	}
	withErrors() {
		this.options.suppressErrors = false;
		return this;
	}
	withSymlinks({ resolvePaths = true } = {}) {
		this.options.resolveSymlinks = true;
		this.options.useRealPaths = resolvePaths;
		return this.withFullPaths();
	}
	withAbortSignal(signal) {
		this.options.signal = signal;
		return this;
	}
	normalize() {
		this.options.normalizePath = true;
		return this;
	}
	filter(predicate) {
		this.options.filters.push(predicate);
		return this;
	}
	onlyDirs() {
		this.options.excludeFiles = true;
		this.options.includeDirs = true;
		return this;
	}
	exclude(predicate) {
		this.options.exclude = predicate;
		return this;
	}
	onlyCounts() {
		this.options.onlyCounts = true;
		return this;
	}
	crawl(root) {
		return new APIBuilder(root || ".", this.options);
	}
	withGlobFunction(fn) {
		this.globFunction = fn;
		return this;
	}
	/**
	* @deprecated Pass options using the constructor instead:
	* ```ts
	* new fdir(options).crawl("/path/to/root");
	* ```
	* This method will be removed in v7.0
	*/
	/* c8 ignore next 4 */
	crawlWithOptions(root, options) {
		this.options = {
			...this.options,
			...options
		};
		return new APIBuilder(root || ".", this.options);
	}
	glob(...patterns) {
		if (this.globFunction) return this.globWithOptions(patterns);
		return this.globWithOptions(patterns, ...[{ dot: true }]);
	}
	globWithOptions(patterns, ...options) {
		const globFn = this.globFunction || pm;
		/* c8 ignore next 5 */
		if (!globFn) throw new Error("Please specify a glob function to use glob matching.");
		var isMatch = this.globCache[patterns.join("\0")];
		if (!isMatch) {
			isMatch = globFn(patterns, ...options);
			this.globCache[patterns.join("\0")] = isMatch;
		}
		this.options.filters.push((path) => isMatch(path));
		return this;
	}
};

//#endregion

// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __nccwpck_require__(6);
;// CONCATENATED MODULE: ./node_modules/tinyglobby/dist/index.mjs





//#region src/utils.ts
const isReadonlyArray = Array.isArray;
const BACKSLASHES = /\\/g;
const DRIVE_RELATIVE_PATH = /^[A-Za-z]:$/;
const isWin = process.platform === "win32";
const ONLY_PARENT_DIRECTORIES = /^(\/?\.\.)+$/;
function getPartialMatcher(patterns, options = {}) {
	const patternsCount = patterns.length;
	const patternsParts = Array(patternsCount);
	const matchers = Array(patternsCount);
	let i, j;
	for (i = 0; i < patternsCount; i++) {
		const parts = splitPattern(patterns[i]);
		patternsParts[i] = parts;
		const partsCount = parts.length;
		const partMatchers = Array(partsCount);
		for (j = 0; j < partsCount; j++) partMatchers[j] = picomatch(parts[j], options);
		matchers[i] = partMatchers;
	}
	return (input) => {
		const inputParts = input.split("/");
		if (inputParts[0] === ".." && ONLY_PARENT_DIRECTORIES.test(input)) return true;
		for (i = 0; i < patternsCount; i++) {
			const patternParts = patternsParts[i];
			const matcher = matchers[i];
			const inputPatternCount = inputParts.length;
			const minParts = Math.min(inputPatternCount, patternParts.length);
			j = 0;
			while (j < minParts) {
				const part = patternParts[j];
				if (part.includes("/")) return true;
				if (!matcher[j](inputParts[j])) break;
				if (!options.noglobstar && part === "**") return true;
				j++;
			}
			if (j === inputPatternCount) return true;
		}
		return false;
	};
}
/* node:coverage ignore next 2 */
const WIN32_ROOT_DIR = /^[A-Z]:\/$/i;
const dist_isRoot = isWin ? (p) => WIN32_ROOT_DIR.test(p) : (p) => p === "/";
function buildFormat(cwd, root, absolute) {
	if (cwd === root || root.startsWith(`${cwd}/`)) {
		if (absolute) {
			const start = cwd.length + +!dist_isRoot(cwd);
			return (p, isDir) => p.slice(start, isDir ? -1 : void 0) || ".";
		}
		const prefix = root.slice(cwd.length + 1);
		if (prefix) return (p, isDir) => {
			if (p === ".") return prefix;
			const result = `${prefix}/${p}`;
			return isDir ? result.slice(0, -1) : result;
		};
		return (p, isDir) => isDir && p !== "." ? p.slice(0, -1) : p;
	}
	if (absolute) return (p) => external_path_namespaceObject.posix.relative(cwd, p) || ".";
	return (p) => external_path_namespaceObject.posix.relative(cwd, `${root}/${p}`) || ".";
}
function buildRelative(cwd, root) {
	if (root.startsWith(`${cwd}/`)) {
		const prefix = root.slice(cwd.length + 1);
		return (p) => `${prefix}/${p}`;
	}
	return (p) => {
		const result = external_path_namespaceObject.posix.relative(cwd, `${root}/${p}`);
		return p[p.length - 1] === "/" && result !== "" ? `${result}/` : result || ".";
	};
}
function ensureNonDriveRelativePath(path) {
	return path.replace(DRIVE_RELATIVE_PATH, (match) => `${match}/`);
}
const splitPatternOptions = { parts: true };
function splitPattern(path) {
	var _result$parts;
	const result = picomatch.scan(path, splitPatternOptions);
	return ((_result$parts = result.parts) === null || _result$parts === void 0 ? void 0 : _result$parts.length) ? result.parts : [path];
}
const ESCAPED_WIN32_BACKSLASHES = /\\(?![()[\]{}!+@])/g;
function convertPosixPathToPattern(path) {
	return escapePosixPath(path);
}
function convertWin32PathToPattern(path) {
	return escapeWin32Path(path).replace(ESCAPED_WIN32_BACKSLASHES, "/");
}
/**
* Converts a path to a pattern depending on the platform.
* Identical to {@link escapePath} on POSIX systems.
* @see {@link https://superchupu.dev/tinyglobby/documentation#convertPathToPattern}
*/
/* node:coverage ignore next 3 */
const convertPathToPattern = (/* unused pure expression or super */ null && (isWin ? convertWin32PathToPattern : convertPosixPathToPattern));
const POSIX_UNESCAPED_GLOB_SYMBOLS = /(?<!\\)([()[\]{}*?|]|^!|[!+@](?=\()|\\(?![()[\]{}!*+?@|]))/g;
const WIN32_UNESCAPED_GLOB_SYMBOLS = /(?<!\\)([()[\]{}]|^!|[!+@](?=\())/g;
const escapePosixPath = (path) => path.replace(POSIX_UNESCAPED_GLOB_SYMBOLS, "\\$&");
const escapeWin32Path = (path) => path.replace(WIN32_UNESCAPED_GLOB_SYMBOLS, "\\$&");
/**
* Escapes a path's special characters depending on the platform.
* @see {@link https://superchupu.dev/tinyglobby/documentation#escapePath}
*/
/* node:coverage ignore next */
const escapePath = isWin ? escapeWin32Path : escapePosixPath;
/**
* Checks if a pattern has dynamic parts.
*
* Has a few minor differences with [`fast-glob`](https://github.com/mrmlnc/fast-glob) for better accuracy:
*
* - Doesn't necessarily return `false` on patterns that include `\`.
* - Returns `true` if the pattern includes parentheses, regardless of them representing one single pattern or not.
* - Returns `true` for unfinished glob extensions i.e. `(h`, `+(h`.
* - Returns `true` for unfinished brace expansions as long as they include `,` or `..`.
*
* @see {@link https://superchupu.dev/tinyglobby/documentation#isDynamicPattern}
*/
function isDynamicPattern(pattern, options) {
	if ((options === null || options === void 0 ? void 0 : options.caseSensitiveMatch) === false) return true;
	const scan = picomatch.scan(pattern);
	return scan.isGlob || scan.negated;
}
function log(...tasks) {
	console.log(`[tinyglobby ${(/* @__PURE__ */ new Date()).toLocaleTimeString("es")}]`, ...tasks);
}
function ensureStringArray(value) {
	return typeof value === "string" ? [value] : value !== null && value !== void 0 ? value : [];
}
//#endregion
//#region src/patterns.ts
const PARENT_DIRECTORY = /^(\/?\.\.)+/;
const ESCAPING_BACKSLASHES = /\\(?=[()[\]{}!*+?@|])/g;
function normalizePattern(pattern, opts, props, isIgnore) {
	var _PARENT_DIRECTORY$exe;
	const cwd = opts.cwd;
	let result = pattern;
	if (pattern[pattern.length - 1] === "/") result = pattern.slice(0, -1);
	if (result[result.length - 1] !== "*" && opts.expandDirectories) result += "/**";
	const escapedCwd = escapePath(cwd);
	result = (0,external_path_namespaceObject.isAbsolute)(result.replace(ESCAPING_BACKSLASHES, "")) ? external_path_namespaceObject.posix.relative(escapedCwd, result) : external_path_namespaceObject.posix.normalize(result);
	const parentDir = (_PARENT_DIRECTORY$exe = PARENT_DIRECTORY.exec(result)) === null || _PARENT_DIRECTORY$exe === void 0 ? void 0 : _PARENT_DIRECTORY$exe[0];
	const parts = splitPattern(result);
	if (parentDir) {
		const n = (parentDir.length + 1) / 3;
		let i = 0;
		const cwdParts = escapedCwd.split("/");
		while (i < n && parts[i + n] === cwdParts[cwdParts.length + i - n]) {
			result = result.slice(0, (n - i - 1) * 3) + result.slice((n - i) * 3 + parts[i + n].length + 1) || ".";
			i++;
		}
		const potentialRoot = external_path_namespaceObject.posix.join(cwd, parentDir.slice(i * 3));
		if (potentialRoot[0] !== "." && props.root.length > potentialRoot.length) {
			props.root = ensureNonDriveRelativePath(potentialRoot);
			props.depthOffset = -n + i;
		}
	}
	if (!isIgnore && props.depthOffset >= 0) {
		var _props$commonPath;
		(_props$commonPath = props.commonPath) !== null && _props$commonPath !== void 0 || (props.commonPath = parts);
		const newCommonPath = [];
		const length = Math.min(props.commonPath.length, parts.length);
		for (let i = 0; i < length; i++) {
			const part = parts[i];
			if (part === "**" && !parts[i + 1]) {
				newCommonPath.pop();
				break;
			}
			if (i === parts.length - 1 || part !== props.commonPath[i] || isDynamicPattern(part)) break;
			newCommonPath.push(part);
		}
		props.depthOffset = newCommonPath.length;
		props.commonPath = newCommonPath;
		props.root = ensureNonDriveRelativePath(newCommonPath.length > 0 ? external_path_namespaceObject.posix.join(cwd, ...newCommonPath) : cwd);
	}
	return result;
}
function processPatterns(options, patterns, props) {
	const matchPatterns = [];
	const ignorePatterns = [];
	for (const pattern of options.ignore) {
		if (!pattern) continue;
		if (pattern[0] !== "!" || pattern[1] === "(") ignorePatterns.push(normalizePattern(pattern, options, props, true));
	}
	for (const pattern of patterns) {
		if (!pattern) continue;
		if (pattern[0] !== "!" || pattern[1] === "(") matchPatterns.push(normalizePattern(pattern, options, props, false));
		else if (pattern[1] !== "!" || pattern[2] === "(") ignorePatterns.push(normalizePattern(pattern.slice(1), options, props, true));
	}
	return {
		match: matchPatterns,
		ignore: ignorePatterns
	};
}
//#endregion
//#region src/crawler.ts
function buildCrawler(options, patterns) {
	const cwd = options.cwd;
	const props = {
		root: cwd,
		depthOffset: 0
	};
	const processed = processPatterns(options, patterns, props);
	if (options.debug) log("internal processing patterns:", processed);
	const { absolute, caseSensitiveMatch, debug, dot, followSymbolicLinks, onlyDirectories } = options;
	const root = props.root.replace(BACKSLASHES, "");
	const matchOptions = {
		dot,
		nobrace: options.braceExpansion === false,
		nocase: !caseSensitiveMatch,
		noextglob: options.extglob === false,
		noglobstar: options.globstar === false,
		posix: true
	};
	const matcher = picomatch(processed.match, matchOptions);
	const ignore = picomatch(processed.ignore, matchOptions);
	const partialMatcher = getPartialMatcher(processed.match, matchOptions);
	const format = buildFormat(cwd, root, absolute);
	const excludeFormatter = absolute ? format : buildFormat(cwd, root, true);
	const excludePredicate = (_, p) => {
		const relativePath = excludeFormatter(p, true);
		return relativePath !== "." && !partialMatcher(relativePath) || ignore(relativePath);
	};
	let maxDepth;
	if (options.deep !== void 0) maxDepth = Math.round(options.deep - props.depthOffset);
	const crawler = new Builder({
		filters: [debug ? (p, isDirectory) => {
			const path = format(p, isDirectory);
			const matches = matcher(path) && !ignore(path);
			if (matches) log(`matched ${path}`);
			return matches;
		} : (p, isDirectory) => {
			const path = format(p, isDirectory);
			return matcher(path) && !ignore(path);
		}],
		exclude: debug ? (_, p) => {
			const skipped = excludePredicate(_, p);
			log(`${skipped ? "skipped" : "crawling"} ${p}`);
			return skipped;
		} : excludePredicate,
		fs: options.fs,
		pathSeparator: "/",
		relativePaths: !absolute,
		resolvePaths: absolute,
		includeBasePath: absolute,
		resolveSymlinks: followSymbolicLinks,
		excludeSymlinks: !followSymbolicLinks,
		excludeFiles: onlyDirectories,
		includeDirs: onlyDirectories || !options.onlyFiles,
		maxDepth,
		signal: options.signal
	}).crawl(root);
	if (options.debug) log("internal properties:", {
		...props,
		root
	});
	return [crawler, cwd !== root && !absolute && buildRelative(cwd, root)];
}
//#endregion
//#region src/index.ts
function formatPaths(paths, mapper) {
	if (mapper) for (let i = paths.length - 1; i >= 0; i--) paths[i] = mapper(paths[i]);
	return paths;
}
const defaultOptions = {
	caseSensitiveMatch: true,
	debug: !!process.env.TINYGLOBBY_DEBUG,
	expandDirectories: true,
	followSymbolicLinks: true,
	onlyFiles: true
};
function getOptions(options) {
	const opts = Object.assign({}, options);
	for (const key in defaultOptions) if (opts[key] === void 0) Object.assign(opts, { [key]: defaultOptions[key] });
	opts.cwd = (opts.cwd instanceof URL ? (0,external_url_namespaceObject.fileURLToPath)(opts.cwd) : (0,external_path_namespaceObject.resolve)(opts.cwd || process.cwd())).replace(BACKSLASHES, "/");
	opts.ignore = ensureStringArray(opts.ignore);
	opts.fs && (opts.fs = {
		readdir: opts.fs.readdir || external_fs_namespaceObject.readdir,
		readdirSync: opts.fs.readdirSync || external_fs_namespaceObject.readdirSync,
		realpath: opts.fs.realpath || external_fs_namespaceObject.realpath,
		realpathSync: opts.fs.realpathSync || external_fs_namespaceObject.realpathSync,
		stat: opts.fs.stat || external_fs_namespaceObject.stat,
		statSync: opts.fs.statSync || external_fs_namespaceObject.statSync
	});
	if (opts.debug) log("globbing with options:", opts);
	return opts;
}
function getCrawler(globInput, inputOptions = {}) {
	var _ref;
	if (globInput && (inputOptions === null || inputOptions === void 0 ? void 0 : inputOptions.patterns)) throw new Error("Cannot pass patterns as both an argument and an option");
	const isModern = isReadonlyArray(globInput) || typeof globInput === "string";
	const patterns = ensureStringArray((_ref = isModern ? globInput : globInput.patterns) !== null && _ref !== void 0 ? _ref : "**/*");
	const options = getOptions(isModern ? inputOptions : globInput);
	return patterns.length > 0 ? buildCrawler(options, patterns) : [];
}
async function glob(globInput, options) {
	const [crawler, relative] = getCrawler(globInput, options);
	return crawler ? formatPaths(await crawler.withPromise(), relative) : [];
}
function globSync(globInput, options) {
	const [crawler, relative] = getCrawler(globInput, options);
	return crawler ? formatPaths(crawler.sync(), relative) : [];
}
//#endregion


;// CONCATENATED MODULE: ./src/report/upgrade.ts
// Reports read back from files and earlier runs were written by older versions
// of the tool. upgradeReport fills in what later schema versions added, so the
// renderers read one shape and never fall back to recomputing.
//
// The noise decision moved to the comparison (added compatibly, so the
// schema stays 1: the names of the contract are unchanged). An earlier report
// carries `budget.minDelta` (the floor in bytes); with it the upgrade decides
// `delta.noise`/`delta.unchanged`, fills a missing delta, and diffs the layers
// (or marks the noise in a layer diff it has) as the comparison does today.

function upgradeDelta(v, floor) {
    const base = v.baseline.size;
    if (!v.delta) {
        // Version 1 renderers compared the sizes themselves when no delta was stored.
        return base && !v.baseline.error && v.baseline.source !== 'none' ? compareSizes(v.size, base, v.budget.metric, floor) : null;
    }
    const delta = v.delta;
    const noiseIn = (m) => {
        const change = delta[m];
        return change !== null && belowFloor(change, base ? base[m] : null, floor);
    };
    const noise = delta.noise ?? { uncompressed: noiseIn('uncompressed'), compressed: noiseIn('compressed') };
    return { ...delta, unchanged: delta.unchanged ?? noise[delta.metric ?? v.budget.metric], noise };
}
function upgradeLayerDiff(v, floorBytes) {
    const floor = floorBytes > 0 ? { bytes: floorBytes } : null;
    if (v.layerDiff) {
        const metric = v.layerDiff.metric;
        const entries = v.layerDiff.entries.map((e) => ({ ...e, noise: e.noise ?? belowFloor(layerChangeBytes(e.delta, metric), null, floor) }));
        return { ...v.layerDiff, entries };
    }
    const layers = Array.isArray(v.layers) ? v.layers : [];
    const baseLayers = Array.isArray(v.baseline.layers) ? v.baseline.layers : [];
    return v.baseline.source !== 'none' && layers.length > 0 && baseLayers.length > 0 ? diffLayers(layers, baseLayers, v.budget.metric, floorBytes) : null;
}
/** Whether a verdict was written before the comparison stored its noise decisions. */
function lacksNoise(v) {
    return (v.delta !== null && v.delta !== undefined && v.delta.noise === undefined) || v.layerDiff === undefined || (v.layerDiff !== null && v.layerDiff.entries.some((e) => e.noise === undefined));
}
/** `doc` in this version's shape: fields added later (same schema version, added compatibly) are filled in; a current report is returned as is. */
function upgradeReport(doc) {
    if (![doc, ...(doc.platforms ?? [])].some((v) => lacksNoise(v)))
        return doc;
    // Version 1 recorded the floor it compared with in bytes; its renderers used it for every platform and layer.
    const floorBytes = typeof doc.budget.minDelta === 'number' && doc.budget.minDelta > 0 ? doc.budget.minDelta : 0;
    const floor = floorBytes > 0 ? { bytes: floorBytes } : null;
    const upgrade = (v) => ({ ...v, delta: upgradeDelta(v, floor), layerDiff: upgradeLayerDiff(v, floorBytes) });
    const { platforms, ...rest } = doc;
    const report = upgrade(rest);
    return { ...report, ...(Array.isArray(platforms) ? { platforms: platforms.map((p) => upgrade(p)) } : {}) };
}

;// CONCATENATED MODULE: ./src/report/stored.ts
// Reports another run wrote, read back for publishing (`report:`): the job
// after a matrix, or the fork-safe `workflow_run` job. One path or glob per
// entry; a file holds one report or a list of them (what `json:` writes for
// several images). The files were written by untrusted code: each report's
// shape is checked here and all its text is escaped when rendered. A report
// an older version wrote is upgraded (upgrade.ts) to this version's shape.






const GLOB = /[*?[\]{}]/;
/**
 * The files `report:` names, absolute, each once, in the order given (a
 * glob's matches sorted). A path that does not exist, or a glob that matches
 * nothing, is an error that names the entry: publishing half a set would read
 * as if the other images had gone.
 */
function expandReportPaths(entries, workspace) {
    const files = [];
    for (const entry of entries) {
        if (!GLOB.test(entry)) {
            const file = external_node_path_default().resolve(workspace, entry);
            if (!(0,external_node_fs_namespaceObject.existsSync)(file))
                throw new UsageError(`report: no file at ${entry}; download the measuring run's artifact first`);
            files.push(file);
            continue;
        }
        const matches = globSync(entry, { cwd: workspace, absolute: true, onlyFiles: true })
            .map((f) => external_node_path_default().resolve(f))
            .sort();
        if (matches.length === 0) {
            throw new UsageError(`report: '${entry}' matches no file; download the measuring jobs' artifacts first (actions/download-artifact with pattern: and merge-multiple: true)`);
        }
        files.push(...matches);
    }
    return [...new Set(files)];
}
/** Checks one stored report's shape; `where` names it in the error ("report: x.json", "report: x.json entry 2"). */
function checkStoredReport(value, where) {
    const report = value;
    const version = report && typeof report === 'object' ? report.schemaVersion : undefined;
    if (typeof version === 'number' && Number.isSafeInteger(version) && version > SCHEMA_VERSION) {
        throw new UsageError(`${where} was written by a newer version (schema ${version}; this one reads ${SCHEMA_VERSION}); update the action`);
    }
    const ok = report &&
        typeof report === 'object' &&
        Number.isSafeInteger(version) &&
        version >= 1 &&
        typeof report.size?.uncompressed === 'number' &&
        typeof report.image === 'object' &&
        report.image !== null &&
        typeof report.budget === 'object' &&
        report.budget !== null &&
        typeof report.baseline === 'object' &&
        report.baseline !== null &&
        ['pass', 'warn', 'fail'].includes(report.status);
    if (!ok)
        throw new UsageError(`${where} is not a go-image-budget report (schemaVersion ${SCHEMA_VERSION})`);
    return upgradeReport({
        ...report,
        layers: Array.isArray(report.layers) ? report.layers : [],
        goBinaries: Array.isArray(report.goBinaries) ? report.goBinaries : [],
        findings: Array.isArray(report.findings) ? report.findings : [],
        history: Array.isArray(report.history) ? report.history : [],
        baseline: { ...report.baseline, layers: Array.isArray(report.baseline.layers) ? report.baseline.layers : [] }
    });
}
/** Reads one report file (a report, or a list of reports). */
function loadStoredReport(file) {
    if (!(0,external_node_fs_namespaceObject.existsSync)(file))
        throw new UsageError(`report: no file at ${file}; download the measuring run's artifact first`);
    let doc;
    try {
        doc = JSON.parse((0,external_node_fs_namespaceObject.readFileSync)(file, 'utf8'));
    }
    catch (error) {
        throw new UsageError(`report: ${file} is not JSON (${errorMessage(error)})`);
    }
    if (!Array.isArray(doc))
        return [{ file, report: checkStoredReport(doc, `report: ${file}`), fromList: false }];
    if (doc.length === 0)
        throw new UsageError(`report: ${file} holds an empty list; it should hold the reports of a run`);
    return doc.map((entry, i) => ({ file, report: checkStoredReport(entry, `report: ${file} entry ${i + 1}`), fromList: true }));
}
/** Every report the entries name, in order. */
function loadStoredReports(entries, workspace) {
    return expandReportPaths(entries, workspace).flatMap(loadStoredReport);
}

;// CONCATENATED MODULE: ./src/report/terminal.ts
// The report for a terminal: a short, plain summary.

function renderTerminal(report) {
    const lines = [
        `${report.status.toUpperCase()}  ${report.image.dockerfile ?? report.image.ref ?? report.image.id}  ${report.image.platform}`,
        `  size: ${formatSize(report.size.uncompressed)} uncompressed` + (report.size.compressed !== null ? `, ${formatSize(report.size.compressed)} compressed (${report.size.compressedSource})` : '')
    ];
    if (report.budget.limit !== null)
        lines.push(`  budget: ${formatSize(report.budget.limit)} ${report.budget.metric} → ${report.budget.status}`);
    lines.push(...renderComparison(report));
    if (report.mode === 'dockerfile-only')
        lines.splice(1, 1, '  dockerfile-only: nothing built, no sizes');
    lines.push(...terminal_renderFindings(report));
    return lines.join('\n') + '\n';
}
/** The baseline, the delta, the layer changes and the verdict's one-line reason. */
function renderComparison(report) {
    const lines = [];
    const b = report.baseline;
    if (b.error)
        lines.push(`  baseline: ${b.error}`);
    else if (b.source !== 'none' && b.size) {
        const name = [b.ref, b.commit ? `(${b.commit.slice(0, 7)})` : null].filter(Boolean).join(' ');
        const metric = report.delta?.metric ?? 'uncompressed';
        const baseSize = b.size[metric];
        const change = report.delta ? (report.delta.unchanged ? 'unchanged' : `${formatDelta(report.delta[metric] ?? 0)} (${formatPercent(report.delta.percent)})`) : 'not comparable';
        lines.push(`  baseline (${b.source}): ${name}${baseSize !== null ? `, ${formatSize(baseSize)} ${metric}` : ''} → ${change}`);
        if (b.note)
            lines.push(`    ${b.note}`);
    }
    const diff = report.layerDiff;
    if (diff) {
        const parts = ['added', 'removed', 'grown', 'shrunk'].filter((c) => diff.totals[c].count > 0).map((c) => `${diff.totals[c].count} ${c} (${formatDelta(diff.totals[c].bytes)})`);
        lines.push(`  layers: ${parts.length > 0 ? parts.join(', ') : 'all unchanged'}`);
    }
    if (report.budget.reason && report.budget.status !== 'pass')
        lines.push(`  ${report.budget.status}: ${report.budget.reason}`);
    return lines;
}
/** Findings as `file:line  severity  rule  message`, then skipped rules and the suggestion's proof. */
function terminal_renderFindings(report) {
    const lines = [];
    for (const f of report.findings) {
        const savings = f.estimatedSavings !== null && f.estimatedSavings > 0 ? ` (saves about ${formatSize(f.estimatedSavings)})` : '';
        lines.push(`  ${f.file}:${f.line ?? '-'}  ${f.severity}  ${f.rule}  ${f.message}${savings}`);
    }
    if (report.skippedRules?.length)
        lines.push(`  not run: ${report.skippedRules.map((r) => r.rule).join(', ')} (${report.skippedRules[0].reason})`);
    const s = report.suggestion;
    if (s) {
        const proof = s.verified && s.size
            ? `built: ${formatSize(s.size.uncompressed)}${s.savings != null ? `, ${formatSize(s.savings)} smaller` : ''}${s.proof?.start ? `, starts (${s.proof.start.detail})` : ''}${s.verifyCommand ? `, \`${s.verifyCommand.command}\` ran` : ''}${s.verifiedAt && s.verifiedAt !== report.image.commit ? `; verified at ${s.verifiedAt.slice(0, 7)}` : ''}`
            : (s.error ?? `not built (${s.verifyReason ?? 'verify-suggestion'})`);
        lines.push(`  suggested Dockerfile (${s.base ?? 'multi-stage'}): ${proof}`);
        for (const c of s.proof?.checks ?? [])
            if (!c.ok)
                lines.push(`    ${c.required ? 'FAIL' : 'note'}  ${c.check}: ${c.detail}`);
        lines.push(...s.dockerfile
            .trimEnd()
            .split('\n')
            .map((l) => `    ${l}`));
    }
    return lines;
}

;// CONCATENATED MODULE: ./src/cli.ts
// Terminal entry: the same pipeline as the action, flags instead of inputs.
// Every action input is a flag of the same name. Exit codes: 0 pass or warn,
// 1 fail (the worst image, with --bake), 2 usage or environment error (one
// line on stderr); rendering stored reports (--report) exits 0.
















/**
 * Turns argv into raw input strings keyed by input name. A list flag may be
 * repeated: each occurrence is kept apart and read as the action reads the
 * input (CSV lines, so one value may span lines when it is quoted).
 */
function parseArgs(argv) {
    const values = new Map();
    let help = false;
    let version = false;
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        if (arg === '--help' || arg === '-h') {
            help = true;
            continue;
        }
        if (arg === '--version') {
            version = true;
            continue;
        }
        if (!arg.startsWith('--'))
            throw new UsageError(`unexpected argument '${arg}'; flags look like --context DIR (see --help)`);
        const eq = arg.indexOf('=');
        const name = (eq > 0 ? arg.slice(2, eq) : arg.slice(2));
        const spec = INPUT_SPECS[name];
        if (!spec)
            throw new UsageError(`unknown flag --${name} (see --help)`);
        let value;
        if (eq > 0)
            value = arg.slice(eq + 1);
        else if (spec.kind === 'boolean') {
            const next = argv[i + 1];
            value = next !== undefined && /^(true|false)$/i.test(next) ? (i++, next) : 'true';
        }
        else {
            const next = argv[i + 1];
            if (next === undefined)
                throw new UsageError(`--${name} needs a value`);
            value = next;
            i++;
        }
        // A repeated list flag adds entries (--build-args A=1 --build-args B=2); any other flag: the last counts.
        const previous = values.get(name);
        values.set(name, spec.kind === 'list' ? [...(Array.isArray(previous) ? previous : []), value] : value);
    }
    return { values, help, version };
}
function helpText() {
    const rows = Object.entries(INPUT_SPECS).map(([name, spec]) => {
        const flag = spec.kind === 'boolean' ? `--${name} [true|false]` : `--${name} VALUE`;
        const def = spec.default && !spec.default.startsWith('${{') ? ` (default: ${spec.default})` : '';
        return `  ${flag.padEnd(34)} ${spec.description}${def}`;
    });
    return `${TOOL.name} ${TOOL.version}: build, measure and budget a Go container image\n\nUsage: ${TOOL.name} --context DIR [--file PATH] [--budget 20MB] [--json PATH] ...\n\n${rows.join('\n')}\n\nList flags may be repeated; each value is read as the action reads the input: CSV lines, so quote a value that holds a newline or a comma ("id=line 1<newline>line 2").\n\nExit codes: 0 pass or warn, 1 fail, 2 usage or environment error.\n`;
}
const stderrLogger = (verbose) => ({
    info: (m) => process.stderr.write(`${m}\n`),
    warning: (m) => process.stderr.write(`warning: ${m}\n`),
    debug: (m) => {
        if (verbose)
            process.stderr.write(m);
    },
    group: async (name, fn) => {
        process.stderr.write(`▸ ${name}\n`);
        return fn();
    }
});
const readText = (file) => {
    try {
        return (0,external_node_fs_namespaceObject.readFileSync)(file, 'utf8');
    }
    catch {
        return null;
    }
};
async function gitCommit(dir) {
    const r = await exec('git', ['rev-parse', 'HEAD'], { cwd: dir }).catch(() => null);
    return r && r.code === 0 ? r.stdout.trim() : null;
}
async function cli_main(argv) {
    const tempDir = (0,external_node_fs_namespaceObject.mkdtempSync)(external_node_path_default().join(external_node_os_default().tmpdir(), 'go-image-budget-'));
    // Secret values never reach the terminal, the report or an error message.
    let redact = (text) => text;
    try {
        const args = parseArgs(argv);
        if (args.help) {
            process.stdout.write(helpText());
            return 0;
        }
        if (args.version) {
            process.stdout.write(`${TOOL.version}\n`);
            return 0;
        }
        const inputs = parseInputs((name) => args.values.get(name) ?? '');
        const workspace = process.cwd();
        redact = redactionFor(inputs, { env: process.env, readFile: readText, workspace }).redact;
        for (const name of credentialBuildArgs(inputs.buildArgs))
            process.stderr.write(`warning: ${credentialWarning(name)}\n`);
        // Locally the base is only what --base-ref names (no event); the trend comes from --previous-report.
        const previous = inputs.previousReport ? await historyFromReportFile(external_node_path_default().resolve(workspace, inputs.previousReport)) : { history: [], warning: null, proof: null };
        if (previous.warning)
            process.stderr.write(`warning: ${redact(previous.warning)}\n`);
        const context = { workspace, commit: await gitCommit(workspace), base: resolveBaseRef(null, inputs.baseRef), previousHistory: previous.history, env: process.env, previousProof: previous.proof };
        const log = redactingLogger(stderrLogger(process.env.GO_IMAGE_BUDGET_VERBOSE === '1'), redact);
        const deps = { exec: exec, spawn: spawnStream, tempDir, cacheDir: external_node_path_default().join(external_node_os_default().homedir(), '.cache', TOOL.name), log, now: () => new Date() };
        // --report: render what other runs measured (one comment for several); build nothing.
        const stored = loadStoredReports(inputs.report, workspace);
        if (stored.length > 0 && inputs.bake)
            throw new UsageError(`report: publishes stored reports and builds nothing; unset 'bake' (or 'report')`);
        const measured = stored.length > 0 ? stored.map((s) => s.report) : await measureReports(inputs, context, deps).finally(() => log.flush());
        const reports = measured.map((r) => redactDeep(r, redact));
        const write = (file, text) => {
            if (!file)
                return;
            (0,external_node_fs_namespaceObject.mkdirSync)(external_node_path_default().dirname(external_node_path_default().resolve(workspace, file)), { recursive: true });
            (0,external_node_fs_namespaceObject.writeFileSync)(external_node_path_default().resolve(workspace, file), text);
        };
        let status;
        if (reports.length === 1 && !stored[0]?.fromList) {
            const [report] = reports;
            write(inputs.json, JSON.stringify(report, null, 2) + '\n');
            // The pull-request comment as it would be posted (preview it, or post it with another tool).
            write(inputs.markdown, renderMarkdown(report, { commentKey: inputs.commentKey }));
            process.stdout.write(renderTerminal(report));
            status = report.status;
        }
        else {
            const images = nameReports(reports);
            write(inputs.json, JSON.stringify(reports, null, 2) + '\n');
            write(inputs.markdown, renderCombined(images, { commentKey: inputs.commentKey }));
            process.stdout.write(images.map(({ name, report }) => `── ${name}\n${renderTerminal(report)}`).join('\n'));
            status = set_worstStatus(reports.map((r) => r.status));
        }
        // Rendering stored reports judges nothing again: their runs already did.
        return status === 'fail' && stored.length === 0 ? 1 : 0;
    }
    catch (error) {
        process.stderr.write(`${TOOL.name}: ${redact(errorMessage(error))}\n`);
        return 2;
    }
    finally {
        (0,external_node_fs_namespaceObject.rmSync)(tempDir, { recursive: true, force: true });
    }
}
// Only when run as a program (the bundle, or tsx), not when imported by tests.
const invokedAs = process.argv[1] ? external_node_path_default().basename(process.argv[1]) : '';
if (/^(cli\.(ts|js)|index\.js|go-image-budget)$/.test(invokedAs) && !process.env.JEST_WORKER_ID) {
    cli_main(process.argv.slice(2)).then((code) => {
        process.exitCode = code;
    }, 
    // main() reports its own errors; anything that escapes it is a bug, still exit 2.
    (error) => {
        process.stderr.write(`${TOOL.name}: ${error instanceof Error ? error.message : String(error)}\n`);
        process.exitCode = 2;
    });
}

var __webpack_exports__helpText = __webpack_exports__.BK;
var __webpack_exports__main = __webpack_exports__.iW;
var __webpack_exports__parseArgs = __webpack_exports__.Zy;
export { __webpack_exports__helpText as helpText, __webpack_exports__main as main, __webpack_exports__parseArgs as parseArgs };
