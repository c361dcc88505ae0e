// @ts-nocheck
// Generated from rules/schema/check-config.schema.json by npm run build:validator: do not edit.
"use strict";
export const validate = validate20;
export default validate20;
const schema31 = {"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"urn:pixelaudit:check-config.schema.json","title":"pixelaudit check configuration","description":"pixelaudit.config.json, .pixelauditrc.json, or the \"pixelaudit\" key of package.json: how `pixelaudit check` judges templates in CI.","type":"object","additionalProperties":false,"properties":{"$schema":{"type":"string"},"rules":{"type":"object","description":"Severity per rule, by id (PA011) or alias (template-tracking-tag); \"off\" turns a rule off.","propertyNames":{"pattern":"^(PA\\d{3}|[a-z][a-z0-9-]*)$","x-error":"must be a rule id (PA001) or alias (known-tracker)"},"additionalProperties":{"enum":["off","info","warning","error"]}},"allowedHosts":{"type":"array","description":"The team's own hosts, by registrable domain (example.com covers news.example.com): findings on them are not reported.","items":{"type":"string","pattern":"^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)+$","x-error":"must be a host name such as example.com"}},"allowedExactHosts":{"type":"array","description":"Hosts allowed as written and no other (click.example.net, not its siblings): for a team whose domain also names subdomains pointed at an email service provider, which allowedHosts would allow with it.","items":{"type":"string","pattern":"^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)+$","x-error":"must be a host name such as www.example.com"}},"failOn":{"enum":["error","warning","info","never"],"description":"The lowest severity that makes the run fail (exit 1). Default: error."},"maxWarnings":{"type":"integer","minimum":0,"description":"More warnings than this fail the run, as --max-warnings does."},"syntax":{"enum":["auto","none","handlebars","mustache","jinja","django","nunjucks","twig","liquid","go","erb","php","esp"],"description":"The template syntax of every file, instead of detecting it from the file name."},"baseline":{"type":"string","pattern":"^.+$","description":"A baseline file (relative to the config file), as --baseline."}}};
const pattern4 = new RegExp("^(PA\\d{3}|[a-z][a-z0-9-]*)$", "u");
const pattern5 = new RegExp("^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)+$", "u");
const pattern7 = new RegExp("^.+$", "u");

function validate20(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="urn:pixelaudit:check-config.schema.json" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate20.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
for(const key0 in data){
if(!((((((((key0 === "$schema") || (key0 === "rules")) || (key0 === "allowedHosts")) || (key0 === "allowedExactHosts")) || (key0 === "failOn")) || (key0 === "maxWarnings")) || (key0 === "syntax")) || (key0 === "baseline"))){
const err0 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema31,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
if(data.$schema !== undefined){
let data0 = data.$schema;
if(typeof data0 !== "string"){
const err1 = {instancePath:instancePath+"/$schema",schemaPath:"#/properties/%24schema/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema31.properties.$schema.type,parentSchema:schema31.properties.$schema,data:data0};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.rules !== undefined){
let data1 = data.rules;
if(data1 && typeof data1 == "object" && !Array.isArray(data1)){
for(const key1 in data1){
const _errs6 = errors;
if(typeof key1 === "string"){
if(!pattern4.test(key1)){
const err2 = {instancePath:instancePath+"/rules",schemaPath:"#/properties/rules/propertyNames/pattern",keyword:"pattern",params:{pattern: "^(PA\\d{3}|[a-z][a-z0-9-]*)$"},message:"must match pattern \""+"^(PA\\d{3}|[a-z][a-z0-9-]*)$"+"\"",schema:"^(PA\\d{3}|[a-z][a-z0-9-]*)$",parentSchema:schema31.properties.rules.propertyNames,data:key1,propertyName:key1};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
var valid1 = _errs6 === errors;
if(!valid1){
const err3 = {instancePath:instancePath+"/rules",schemaPath:"#/properties/rules/propertyNames",keyword:"propertyNames",params:{propertyName: key1},message:"property name must be valid",schema:schema31.properties.rules.propertyNames,parentSchema:schema31.properties.rules,data:data1};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
for(const key2 in data1){
let data2 = data1[key2];
if(!((((data2 === "off") || (data2 === "info")) || (data2 === "warning")) || (data2 === "error"))){
const err4 = {instancePath:instancePath+"/rules/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/rules/additionalProperties/enum",keyword:"enum",params:{allowedValues: schema31.properties.rules.additionalProperties.enum},message:"must be equal to one of the allowed values",schema:schema31.properties.rules.additionalProperties.enum,parentSchema:schema31.properties.rules.additionalProperties,data:data2};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
}
else {
const err5 = {instancePath:instancePath+"/rules",schemaPath:"#/properties/rules/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema31.properties.rules.type,parentSchema:schema31.properties.rules,data:data1};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.allowedHosts !== undefined){
let data3 = data.allowedHosts;
if(Array.isArray(data3)){
const len0 = data3.length;
for(let i0=0; i0<len0; i0++){
let data4 = data3[i0];
if(typeof data4 === "string"){
if(!pattern5.test(data4)){
const err6 = {instancePath:instancePath+"/allowedHosts/" + i0,schemaPath:"#/properties/allowedHosts/items/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)+$"},message:"must match pattern \""+"^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)+$"+"\"",schema:"^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)+$",parentSchema:schema31.properties.allowedHosts.items,data:data4};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
else {
const err7 = {instancePath:instancePath+"/allowedHosts/" + i0,schemaPath:"#/properties/allowedHosts/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema31.properties.allowedHosts.items.type,parentSchema:schema31.properties.allowedHosts.items,data:data4};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
}
else {
const err8 = {instancePath:instancePath+"/allowedHosts",schemaPath:"#/properties/allowedHosts/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema31.properties.allowedHosts.type,parentSchema:schema31.properties.allowedHosts,data:data3};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data.allowedExactHosts !== undefined){
let data5 = data.allowedExactHosts;
if(Array.isArray(data5)){
const len1 = data5.length;
for(let i1=0; i1<len1; i1++){
let data6 = data5[i1];
if(typeof data6 === "string"){
if(!pattern5.test(data6)){
const err9 = {instancePath:instancePath+"/allowedExactHosts/" + i1,schemaPath:"#/properties/allowedExactHosts/items/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)+$"},message:"must match pattern \""+"^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)+$"+"\"",schema:"^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)+$",parentSchema:schema31.properties.allowedExactHosts.items,data:data6};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
else {
const err10 = {instancePath:instancePath+"/allowedExactHosts/" + i1,schemaPath:"#/properties/allowedExactHosts/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema31.properties.allowedExactHosts.items.type,parentSchema:schema31.properties.allowedExactHosts.items,data:data6};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
}
else {
const err11 = {instancePath:instancePath+"/allowedExactHosts",schemaPath:"#/properties/allowedExactHosts/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema31.properties.allowedExactHosts.type,parentSchema:schema31.properties.allowedExactHosts,data:data5};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data.failOn !== undefined){
let data7 = data.failOn;
if(!((((data7 === "error") || (data7 === "warning")) || (data7 === "info")) || (data7 === "never"))){
const err12 = {instancePath:instancePath+"/failOn",schemaPath:"#/properties/failOn/enum",keyword:"enum",params:{allowedValues: schema31.properties.failOn.enum},message:"must be equal to one of the allowed values",schema:schema31.properties.failOn.enum,parentSchema:schema31.properties.failOn,data:data7};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data.maxWarnings !== undefined){
let data8 = data.maxWarnings;
if(!(((typeof data8 == "number") && (!(data8 % 1) && !isNaN(data8))) && (isFinite(data8)))){
const err13 = {instancePath:instancePath+"/maxWarnings",schemaPath:"#/properties/maxWarnings/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema31.properties.maxWarnings.type,parentSchema:schema31.properties.maxWarnings,data:data8};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
if((typeof data8 == "number") && (isFinite(data8))){
if(data8 < 0 || isNaN(data8)){
const err14 = {instancePath:instancePath+"/maxWarnings",schemaPath:"#/properties/maxWarnings/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema31.properties.maxWarnings,data:data8};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
}
if(data.syntax !== undefined){
let data9 = data.syntax;
if(!(((((((((((((data9 === "auto") || (data9 === "none")) || (data9 === "handlebars")) || (data9 === "mustache")) || (data9 === "jinja")) || (data9 === "django")) || (data9 === "nunjucks")) || (data9 === "twig")) || (data9 === "liquid")) || (data9 === "go")) || (data9 === "erb")) || (data9 === "php")) || (data9 === "esp"))){
const err15 = {instancePath:instancePath+"/syntax",schemaPath:"#/properties/syntax/enum",keyword:"enum",params:{allowedValues: schema31.properties.syntax.enum},message:"must be equal to one of the allowed values",schema:schema31.properties.syntax.enum,parentSchema:schema31.properties.syntax,data:data9};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
if(data.baseline !== undefined){
let data10 = data.baseline;
if(typeof data10 === "string"){
if(!pattern7.test(data10)){
const err16 = {instancePath:instancePath+"/baseline",schemaPath:"#/properties/baseline/pattern",keyword:"pattern",params:{pattern: "^.+$"},message:"must match pattern \""+"^.+$"+"\"",schema:"^.+$",parentSchema:schema31.properties.baseline,data:data10};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
else {
const err17 = {instancePath:instancePath+"/baseline",schemaPath:"#/properties/baseline/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema31.properties.baseline.type,parentSchema:schema31.properties.baseline,data:data10};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
}
else {
const err18 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema31.type,parentSchema:schema31,data};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
validate20.errors = vErrors;
return errors === 0;
}
validate20.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

