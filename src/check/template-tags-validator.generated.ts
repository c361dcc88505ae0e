// @ts-nocheck
// Generated from rules/schema/template-tags.schema.json by npm run build:validator: do not edit.
"use strict";
export const validate = validate20;
export default validate20;
const schema31 = {"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"urn:pixelaudit:rules:template-tags.schema.json","title":"pixelaudit template tags","description":"The format of rules/templates/*.json: template tags, helpers and placeholders of newsletter systems that insert a tracking pixel or wrap links in a click-tracking redirect when the template is rendered or sent. `pixelaudit check` reports each one where it stands in the source template.","type":"object","additionalProperties":false,"required":["tags"],"properties":{"$schema":{"type":"string"},"description":{"type":"string"},"tags":{"type":"array","minItems":1,"items":{"$ref":"#/$defs/tag"}}},"$defs":{"tag":{"type":"object","additionalProperties":false,"required":["id","system","kind","where","pattern","provenance","examples"],"properties":{"id":{"type":"string","pattern":"^[a-z0-9][a-z0-9-]*$","x-error":"must be lower-case letters, digits and dashes","description":"Stable id, used in fingerprints and baselines."},"system":{"type":"string","pattern":"^.+$","description":"The newsletter system or framework, in words (listmonk, Mautic, phpList ...)."},"kind":{"enum":["open-pixel","link-wrap"],"description":"open-pixel: rendering or sending puts a tracking image here. link-wrap: the link is sent through a click-tracking redirect."},"where":{"enum":["expression","comment","text","url"],"description":"What `pattern` is searched in: expression = the inside of a template expression ({{ x }}, {% x %}, <?php x ?>, {token}), trimmed; comment = the text of an HTML comment; text = the source text outside expressions; url = an href or src as written."},"pattern":{"type":"string","pattern":"^.+$","description":"A regular expression (JavaScript, searched, case-sensitive; checked on load to run in linear time)."},"docs":{"type":"string","description":"What the tag does when rendered, in one or two sentences."},"provenance":{"type":"array","minItems":1,"items":{"type":"object","additionalProperties":false,"required":["type","ref","read"],"properties":{"type":{"enum":["vendor-docs","sdk-source","observed-template","public-research"]},"ref":{"type":"string","pattern":"^.+$"},"read":{"type":"string","pattern":"^\\d{4}-\\d{2}-\\d{2}$","x-error":"must be a date, YYYY-MM-DD"}}}},"examples":{"type":"object","additionalProperties":false,"required":["match","noMatch"],"properties":{"match":{"type":"array","minItems":1,"items":{"type":"string"}},"noMatch":{"type":"array","minItems":1,"items":{"type":"string"}}}}}}}};
const schema32 = {"type":"object","additionalProperties":false,"required":["id","system","kind","where","pattern","provenance","examples"],"properties":{"id":{"type":"string","pattern":"^[a-z0-9][a-z0-9-]*$","x-error":"must be lower-case letters, digits and dashes","description":"Stable id, used in fingerprints and baselines."},"system":{"type":"string","pattern":"^.+$","description":"The newsletter system or framework, in words (listmonk, Mautic, phpList ...)."},"kind":{"enum":["open-pixel","link-wrap"],"description":"open-pixel: rendering or sending puts a tracking image here. link-wrap: the link is sent through a click-tracking redirect."},"where":{"enum":["expression","comment","text","url"],"description":"What `pattern` is searched in: expression = the inside of a template expression ({{ x }}, {% x %}, <?php x ?>, {token}), trimmed; comment = the text of an HTML comment; text = the source text outside expressions; url = an href or src as written."},"pattern":{"type":"string","pattern":"^.+$","description":"A regular expression (JavaScript, searched, case-sensitive; checked on load to run in linear time)."},"docs":{"type":"string","description":"What the tag does when rendered, in one or two sentences."},"provenance":{"type":"array","minItems":1,"items":{"type":"object","additionalProperties":false,"required":["type","ref","read"],"properties":{"type":{"enum":["vendor-docs","sdk-source","observed-template","public-research"]},"ref":{"type":"string","pattern":"^.+$"},"read":{"type":"string","pattern":"^\\d{4}-\\d{2}-\\d{2}$","x-error":"must be a date, YYYY-MM-DD"}}}},"examples":{"type":"object","additionalProperties":false,"required":["match","noMatch"],"properties":{"match":{"type":"array","minItems":1,"items":{"type":"string"}},"noMatch":{"type":"array","minItems":1,"items":{"type":"string"}}}}}};
const pattern4 = new RegExp("^[a-z0-9][a-z0-9-]*$", "u");
const pattern5 = new RegExp("^.+$", "u");
const pattern8 = new RegExp("^\\d{4}-\\d{2}-\\d{2}$", "u");

function validate20(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="urn:pixelaudit:rules:template-tags.schema.json" */;
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
if(data.tags === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "tags"},message:"must have required property '"+"tags"+"'",schema:schema31.required,parentSchema:schema31,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
for(const key0 in data){
if(!(((key0 === "$schema") || (key0 === "description")) || (key0 === "tags"))){
const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema31,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.$schema !== undefined){
let data0 = data.$schema;
if(typeof data0 !== "string"){
const err2 = {instancePath:instancePath+"/$schema",schemaPath:"#/properties/%24schema/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema31.properties.$schema.type,parentSchema:schema31.properties.$schema,data:data0};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.description !== undefined){
let data1 = data.description;
if(typeof data1 !== "string"){
const err3 = {instancePath:instancePath+"/description",schemaPath:"#/properties/description/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema31.properties.description.type,parentSchema:schema31.properties.description,data:data1};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.tags !== undefined){
let data2 = data.tags;
if(Array.isArray(data2)){
if(data2.length < 1){
const err4 = {instancePath:instancePath+"/tags",schemaPath:"#/properties/tags/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema31.properties.tags,data:data2};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
const len0 = data2.length;
for(let i0=0; i0<len0; i0++){
let data3 = data2[i0];
if(data3 && typeof data3 == "object" && !Array.isArray(data3)){
if(data3.id === undefined){
const err5 = {instancePath:instancePath+"/tags/" + i0,schemaPath:"#/$defs/tag/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'",schema:schema32.required,parentSchema:schema32,data:data3};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
if(data3.system === undefined){
const err6 = {instancePath:instancePath+"/tags/" + i0,schemaPath:"#/$defs/tag/required",keyword:"required",params:{missingProperty: "system"},message:"must have required property '"+"system"+"'",schema:schema32.required,parentSchema:schema32,data:data3};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if(data3.kind === undefined){
const err7 = {instancePath:instancePath+"/tags/" + i0,schemaPath:"#/$defs/tag/required",keyword:"required",params:{missingProperty: "kind"},message:"must have required property '"+"kind"+"'",schema:schema32.required,parentSchema:schema32,data:data3};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
if(data3.where === undefined){
const err8 = {instancePath:instancePath+"/tags/" + i0,schemaPath:"#/$defs/tag/required",keyword:"required",params:{missingProperty: "where"},message:"must have required property '"+"where"+"'",schema:schema32.required,parentSchema:schema32,data:data3};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
if(data3.pattern === undefined){
const err9 = {instancePath:instancePath+"/tags/" + i0,schemaPath:"#/$defs/tag/required",keyword:"required",params:{missingProperty: "pattern"},message:"must have required property '"+"pattern"+"'",schema:schema32.required,parentSchema:schema32,data:data3};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
if(data3.provenance === undefined){
const err10 = {instancePath:instancePath+"/tags/" + i0,schemaPath:"#/$defs/tag/required",keyword:"required",params:{missingProperty: "provenance"},message:"must have required property '"+"provenance"+"'",schema:schema32.required,parentSchema:schema32,data:data3};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
if(data3.examples === undefined){
const err11 = {instancePath:instancePath+"/tags/" + i0,schemaPath:"#/$defs/tag/required",keyword:"required",params:{missingProperty: "examples"},message:"must have required property '"+"examples"+"'",schema:schema32.required,parentSchema:schema32,data:data3};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
for(const key1 in data3){
if(!((((((((key1 === "id") || (key1 === "system")) || (key1 === "kind")) || (key1 === "where")) || (key1 === "pattern")) || (key1 === "docs")) || (key1 === "provenance")) || (key1 === "examples"))){
const err12 = {instancePath:instancePath+"/tags/" + i0,schemaPath:"#/$defs/tag/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema32,data:data3};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data3.id !== undefined){
let data4 = data3.id;
if(typeof data4 === "string"){
if(!pattern4.test(data4)){
const err13 = {instancePath:instancePath+"/tags/" + i0+"/id",schemaPath:"#/$defs/tag/properties/id/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9][a-z0-9-]*$"},message:"must match pattern \""+"^[a-z0-9][a-z0-9-]*$"+"\"",schema:"^[a-z0-9][a-z0-9-]*$",parentSchema:schema32.properties.id,data:data4};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
else {
const err14 = {instancePath:instancePath+"/tags/" + i0+"/id",schemaPath:"#/$defs/tag/properties/id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema32.properties.id.type,parentSchema:schema32.properties.id,data:data4};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
if(data3.system !== undefined){
let data5 = data3.system;
if(typeof data5 === "string"){
if(!pattern5.test(data5)){
const err15 = {instancePath:instancePath+"/tags/" + i0+"/system",schemaPath:"#/$defs/tag/properties/system/pattern",keyword:"pattern",params:{pattern: "^.+$"},message:"must match pattern \""+"^.+$"+"\"",schema:"^.+$",parentSchema:schema32.properties.system,data:data5};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
else {
const err16 = {instancePath:instancePath+"/tags/" + i0+"/system",schemaPath:"#/$defs/tag/properties/system/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema32.properties.system.type,parentSchema:schema32.properties.system,data:data5};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
if(data3.kind !== undefined){
let data6 = data3.kind;
if(!((data6 === "open-pixel") || (data6 === "link-wrap"))){
const err17 = {instancePath:instancePath+"/tags/" + i0+"/kind",schemaPath:"#/$defs/tag/properties/kind/enum",keyword:"enum",params:{allowedValues: schema32.properties.kind.enum},message:"must be equal to one of the allowed values",schema:schema32.properties.kind.enum,parentSchema:schema32.properties.kind,data:data6};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
if(data3.where !== undefined){
let data7 = data3.where;
if(!((((data7 === "expression") || (data7 === "comment")) || (data7 === "text")) || (data7 === "url"))){
const err18 = {instancePath:instancePath+"/tags/" + i0+"/where",schemaPath:"#/$defs/tag/properties/where/enum",keyword:"enum",params:{allowedValues: schema32.properties.where.enum},message:"must be equal to one of the allowed values",schema:schema32.properties.where.enum,parentSchema:schema32.properties.where,data:data7};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
if(data3.pattern !== undefined){
let data8 = data3.pattern;
if(typeof data8 === "string"){
if(!pattern5.test(data8)){
const err19 = {instancePath:instancePath+"/tags/" + i0+"/pattern",schemaPath:"#/$defs/tag/properties/pattern/pattern",keyword:"pattern",params:{pattern: "^.+$"},message:"must match pattern \""+"^.+$"+"\"",schema:"^.+$",parentSchema:schema32.properties.pattern,data:data8};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
else {
const err20 = {instancePath:instancePath+"/tags/" + i0+"/pattern",schemaPath:"#/$defs/tag/properties/pattern/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema32.properties.pattern.type,parentSchema:schema32.properties.pattern,data:data8};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
if(data3.docs !== undefined){
let data9 = data3.docs;
if(typeof data9 !== "string"){
const err21 = {instancePath:instancePath+"/tags/" + i0+"/docs",schemaPath:"#/$defs/tag/properties/docs/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema32.properties.docs.type,parentSchema:schema32.properties.docs,data:data9};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
if(data3.provenance !== undefined){
let data10 = data3.provenance;
if(Array.isArray(data10)){
if(data10.length < 1){
const err22 = {instancePath:instancePath+"/tags/" + i0+"/provenance",schemaPath:"#/$defs/tag/properties/provenance/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema32.properties.provenance,data:data10};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
const len1 = data10.length;
for(let i1=0; i1<len1; i1++){
let data11 = data10[i1];
if(data11 && typeof data11 == "object" && !Array.isArray(data11)){
if(data11.type === undefined){
const err23 = {instancePath:instancePath+"/tags/" + i0+"/provenance/" + i1,schemaPath:"#/$defs/tag/properties/provenance/items/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'",schema:schema32.properties.provenance.items.required,parentSchema:schema32.properties.provenance.items,data:data11};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
if(data11.ref === undefined){
const err24 = {instancePath:instancePath+"/tags/" + i0+"/provenance/" + i1,schemaPath:"#/$defs/tag/properties/provenance/items/required",keyword:"required",params:{missingProperty: "ref"},message:"must have required property '"+"ref"+"'",schema:schema32.properties.provenance.items.required,parentSchema:schema32.properties.provenance.items,data:data11};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
if(data11.read === undefined){
const err25 = {instancePath:instancePath+"/tags/" + i0+"/provenance/" + i1,schemaPath:"#/$defs/tag/properties/provenance/items/required",keyword:"required",params:{missingProperty: "read"},message:"must have required property '"+"read"+"'",schema:schema32.properties.provenance.items.required,parentSchema:schema32.properties.provenance.items,data:data11};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
for(const key2 in data11){
if(!(((key2 === "type") || (key2 === "ref")) || (key2 === "read"))){
const err26 = {instancePath:instancePath+"/tags/" + i0+"/provenance/" + i1,schemaPath:"#/$defs/tag/properties/provenance/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties",schema:false,parentSchema:schema32.properties.provenance.items,data:data11};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
if(data11.type !== undefined){
let data12 = data11.type;
if(!((((data12 === "vendor-docs") || (data12 === "sdk-source")) || (data12 === "observed-template")) || (data12 === "public-research"))){
const err27 = {instancePath:instancePath+"/tags/" + i0+"/provenance/" + i1+"/type",schemaPath:"#/$defs/tag/properties/provenance/items/properties/type/enum",keyword:"enum",params:{allowedValues: schema32.properties.provenance.items.properties.type.enum},message:"must be equal to one of the allowed values",schema:schema32.properties.provenance.items.properties.type.enum,parentSchema:schema32.properties.provenance.items.properties.type,data:data12};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
if(data11.ref !== undefined){
let data13 = data11.ref;
if(typeof data13 === "string"){
if(!pattern5.test(data13)){
const err28 = {instancePath:instancePath+"/tags/" + i0+"/provenance/" + i1+"/ref",schemaPath:"#/$defs/tag/properties/provenance/items/properties/ref/pattern",keyword:"pattern",params:{pattern: "^.+$"},message:"must match pattern \""+"^.+$"+"\"",schema:"^.+$",parentSchema:schema32.properties.provenance.items.properties.ref,data:data13};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
else {
const err29 = {instancePath:instancePath+"/tags/" + i0+"/provenance/" + i1+"/ref",schemaPath:"#/$defs/tag/properties/provenance/items/properties/ref/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema32.properties.provenance.items.properties.ref.type,parentSchema:schema32.properties.provenance.items.properties.ref,data:data13};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
if(data11.read !== undefined){
let data14 = data11.read;
if(typeof data14 === "string"){
if(!pattern8.test(data14)){
const err30 = {instancePath:instancePath+"/tags/" + i0+"/provenance/" + i1+"/read",schemaPath:"#/$defs/tag/properties/provenance/items/properties/read/pattern",keyword:"pattern",params:{pattern: "^\\d{4}-\\d{2}-\\d{2}$"},message:"must match pattern \""+"^\\d{4}-\\d{2}-\\d{2}$"+"\"",schema:"^\\d{4}-\\d{2}-\\d{2}$",parentSchema:schema32.properties.provenance.items.properties.read,data:data14};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
else {
const err31 = {instancePath:instancePath+"/tags/" + i0+"/provenance/" + i1+"/read",schemaPath:"#/$defs/tag/properties/provenance/items/properties/read/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema32.properties.provenance.items.properties.read.type,parentSchema:schema32.properties.provenance.items.properties.read,data:data14};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
}
else {
const err32 = {instancePath:instancePath+"/tags/" + i0+"/provenance/" + i1,schemaPath:"#/$defs/tag/properties/provenance/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema32.properties.provenance.items.type,parentSchema:schema32.properties.provenance.items,data:data11};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
}
}
else {
const err33 = {instancePath:instancePath+"/tags/" + i0+"/provenance",schemaPath:"#/$defs/tag/properties/provenance/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema32.properties.provenance.type,parentSchema:schema32.properties.provenance,data:data10};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
}
if(data3.examples !== undefined){
let data15 = data3.examples;
if(data15 && typeof data15 == "object" && !Array.isArray(data15)){
if(data15.match === undefined){
const err34 = {instancePath:instancePath+"/tags/" + i0+"/examples",schemaPath:"#/$defs/tag/properties/examples/required",keyword:"required",params:{missingProperty: "match"},message:"must have required property '"+"match"+"'",schema:schema32.properties.examples.required,parentSchema:schema32.properties.examples,data:data15};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
if(data15.noMatch === undefined){
const err35 = {instancePath:instancePath+"/tags/" + i0+"/examples",schemaPath:"#/$defs/tag/properties/examples/required",keyword:"required",params:{missingProperty: "noMatch"},message:"must have required property '"+"noMatch"+"'",schema:schema32.properties.examples.required,parentSchema:schema32.properties.examples,data:data15};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
for(const key3 in data15){
if(!((key3 === "match") || (key3 === "noMatch"))){
const err36 = {instancePath:instancePath+"/tags/" + i0+"/examples",schemaPath:"#/$defs/tag/properties/examples/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties",schema:false,parentSchema:schema32.properties.examples,data:data15};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
}
if(data15.match !== undefined){
let data16 = data15.match;
if(Array.isArray(data16)){
if(data16.length < 1){
const err37 = {instancePath:instancePath+"/tags/" + i0+"/examples/match",schemaPath:"#/$defs/tag/properties/examples/properties/match/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema32.properties.examples.properties.match,data:data16};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
const len2 = data16.length;
for(let i2=0; i2<len2; i2++){
let data17 = data16[i2];
if(typeof data17 !== "string"){
const err38 = {instancePath:instancePath+"/tags/" + i0+"/examples/match/" + i2,schemaPath:"#/$defs/tag/properties/examples/properties/match/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema32.properties.examples.properties.match.items.type,parentSchema:schema32.properties.examples.properties.match.items,data:data17};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
}
}
else {
const err39 = {instancePath:instancePath+"/tags/" + i0+"/examples/match",schemaPath:"#/$defs/tag/properties/examples/properties/match/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema32.properties.examples.properties.match.type,parentSchema:schema32.properties.examples.properties.match,data:data16};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
}
if(data15.noMatch !== undefined){
let data18 = data15.noMatch;
if(Array.isArray(data18)){
if(data18.length < 1){
const err40 = {instancePath:instancePath+"/tags/" + i0+"/examples/noMatch",schemaPath:"#/$defs/tag/properties/examples/properties/noMatch/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema32.properties.examples.properties.noMatch,data:data18};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
const len3 = data18.length;
for(let i3=0; i3<len3; i3++){
let data19 = data18[i3];
if(typeof data19 !== "string"){
const err41 = {instancePath:instancePath+"/tags/" + i0+"/examples/noMatch/" + i3,schemaPath:"#/$defs/tag/properties/examples/properties/noMatch/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema32.properties.examples.properties.noMatch.items.type,parentSchema:schema32.properties.examples.properties.noMatch.items,data:data19};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
}
}
else {
const err42 = {instancePath:instancePath+"/tags/" + i0+"/examples/noMatch",schemaPath:"#/$defs/tag/properties/examples/properties/noMatch/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema32.properties.examples.properties.noMatch.type,parentSchema:schema32.properties.examples.properties.noMatch,data:data18};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
}
}
else {
const err43 = {instancePath:instancePath+"/tags/" + i0+"/examples",schemaPath:"#/$defs/tag/properties/examples/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema32.properties.examples.type,parentSchema:schema32.properties.examples,data:data15};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
}
}
else {
const err44 = {instancePath:instancePath+"/tags/" + i0,schemaPath:"#/$defs/tag/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema32.type,parentSchema:schema32,data:data3};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
}
}
else {
const err45 = {instancePath:instancePath+"/tags",schemaPath:"#/properties/tags/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema31.properties.tags.type,parentSchema:schema31.properties.tags,data:data2};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
}
}
else {
const err46 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema31.type,parentSchema:schema31,data};
if(vErrors === null){
vErrors = [err46];
}
else {
vErrors.push(err46);
}
errors++;
}
validate20.errors = vErrors;
return errors === 0;
}
validate20.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

